package io.pgenrm.domain;

/** Outcome of one sample: scored, or unusable because the judge's output could not be parsed or the call failed. */
public enum ChainStatus { OK, PARSE_FAILURE, CALL_FAILURE }
