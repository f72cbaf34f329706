package io.pgenrm.api;

/**
 * Output of {@code fitPrototypes}: how many users were clustered into how many prototypes, and whether by exact
 * k-means++ (small populations, the same prototypes as {@code pgenrm evaluate}) or by mini-batch k-means.
 */
public record FittedPrototypes(long buildId, int users, int prototypes, boolean exact) {
}
