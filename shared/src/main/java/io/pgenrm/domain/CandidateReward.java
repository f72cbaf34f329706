package io.pgenrm.domain;

/** Final personalized reward for one candidate and the sample means it was mixed from (null when absent). */
public record CandidateReward(int candidate, double reward, Double selfMean, Double prototypeMean) {
}
