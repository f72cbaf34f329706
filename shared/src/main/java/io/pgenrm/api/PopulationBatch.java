package io.pgenrm.api;

import io.pgenrm.domain.CallCost;

/**
 * Output of {@code inducePersonas} and {@code assignPrototypes}: the batch, its users, and how many of them got a
 * persona (or were placed in a prototype) or failed; the personas, embeddings and memberships are stored.
 */
public record PopulationBatch(int batch, int users, int done, int failed, CallCost cost) {
}
