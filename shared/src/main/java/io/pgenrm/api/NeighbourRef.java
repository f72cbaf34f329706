package io.pgenrm.api;

/** A neighbour of a prototype match with the version of their stored history instead of the history itself. */
public record NeighbourRef(String userId, double similarity, String historyVersion) {
}
