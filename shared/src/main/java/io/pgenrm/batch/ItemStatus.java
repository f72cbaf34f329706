package io.pgenrm.batch;

/**
 * How one test item ended. Accuracy divides CORRECT by all items: ties, unscored items (every sample failed) and
 * failed items count against it and are reported separately.
 */
public enum ItemStatus { CORRECT, INCORRECT, TIE, UNSCORED, FAILED }
