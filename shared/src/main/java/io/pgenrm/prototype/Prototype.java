package io.pgenrm.prototype;

import java.util.List;

/**
 * A user prototype: a k-means cluster, its centroid and its members' ids (user ids, or in {@link ProMMode#PAPER} the
 * ids of users' chain analyses, see {@link PrototypeIndex#ownerOf}).
 */
public record Prototype(int id, double[] centroid, List<String> members) {
    public Prototype {
        centroid = centroid.clone();
        members = List.copyOf(members);
    }
}
