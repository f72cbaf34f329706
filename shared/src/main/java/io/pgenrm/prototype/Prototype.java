package io.pgenrm.prototype;

import java.util.List;

/** A user prototype: a k-means cluster of persona embeddings, its centroid and its members' user ids. */
public record Prototype(int id, double[] centroid, List<String> members) {
    public Prototype {
        centroid = centroid.clone();
        members = List.copyOf(members);
    }
}
