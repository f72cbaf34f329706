package io.pgenrm.domain;

/** Whose persona produced a sample: the user themself (Ind-N) or a similar user of their prototype (Pro-M). */
public enum SampleSource { SELF, NEIGHBOUR }
