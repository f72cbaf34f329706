package io.pgenrm.prototype;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * User prototypes: k-means++ over the unit-length persona embeddings of every user with signals (so Euclidean
 * clustering follows cosine similarity). Matching a user finds the nearest prototype by cosine and its members most
 * similar to the user, topping up from the next-nearest prototypes when a prototype has fewer members than asked for.
 */
public final class PrototypeIndex {
    private static final int MAX_ITERATIONS = 100;

    private final List<Prototype> prototypes;
    private final Map<String, double[]> embeddings;

    public PrototypeIndex(List<Prototype> prototypes, Map<String, double[]> embeddings) {
        this.prototypes = List.copyOf(prototypes);
        this.embeddings = Map.copyOf(embeddings);
    }

    /** Clusters users; {@code k <= 0} picks about sqrt(n/2) prototypes; never more than there are users. */
    public static PrototypeIndex build(Map<String, double[]> embeddings, int k, long seed) {
        Map<String, double[]> usable = new LinkedHashMap<>();
        embeddings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !PersonaEmbedding.isZero(e.getValue()))
                .forEach(e -> usable.put(e.getKey(), unit(e.getValue())));
        if (usable.isEmpty()) {
            return new PrototypeIndex(List.of(), Map.of());
        }
        int clusters = k > 0 ? k : (int) Math.round(Math.sqrt(usable.size() / 2.0));
        clusters = Math.max(1, Math.min(clusters, usable.size()));
        List<Point> points = usable.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(clusters, MAX_ITERATIONS,
                new EuclideanDistance(), random);
        List<CentroidCluster<Point>> result = clusterer.cluster(points);
        List<Prototype> prototypes = new ArrayList<>();
        for (CentroidCluster<Point> cluster : result) {
            if (cluster.getPoints().isEmpty()) {
                continue;
            }
            List<String> members = cluster.getPoints().stream().map(Point::userId).sorted().toList();
            prototypes.add(new Prototype(prototypes.size(), cluster.getCenter().getPoint(), members));
        }
        return new PrototypeIndex(prototypes, usable);
    }

    public List<Prototype> prototypes() {
        return prototypes;
    }

    public Map<String, double[]> embeddings() {
        return embeddings;
    }

    /** Nearest prototype and up to {@code m} most similar other users; user ids only, histories added by caller. */
    public Ranked match(String userId, double[] embedding, int m) {
        if (prototypes.isEmpty()) {
            return new Ranked(PrototypeMatch.NONE, 0, List.of());
        }
        List<Prototype> byDistance = new ArrayList<>(prototypes);
        if (PersonaEmbedding.isZero(embedding)) {
            // No signal to place the user: the most common taste is the best prior.
            byDistance.sort(Comparator.comparingInt((Prototype p) -> -p.members().size()));
        } else {
            byDistance.sort(Comparator.comparingDouble(p -> -PersonaEmbedding.cosine(p.centroid(), embedding)));
        }
        Prototype nearest = byDistance.get(0);
        double[] anchor = PersonaEmbedding.isZero(embedding) ? nearest.centroid() : embedding;
        List<Ranked.Member> chosen = new ArrayList<>();
        for (Prototype prototype : byDistance) {
            if (chosen.size() >= m) {
                break;
            }
            prototype.members().stream().filter(member -> !member.equals(userId))
                    .map(member -> new Ranked.Member(member, PersonaEmbedding.cosine(anchor, embeddings.get(member))))
                    .sorted(Comparator.comparingDouble((Ranked.Member r) -> -r.similarity())
                            .thenComparing(Ranked.Member::userId))
                    .limit(m - chosen.size()).forEach(chosen::add);
        }
        return new Ranked(nearest.id(), PersonaEmbedding.cosine(anchor, nearest.centroid()), chosen);
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(PersonaEmbedding.squaredNorm(v));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    /** A match before neighbour histories are attached. */
    public record Ranked(int prototypeId, double similarity, List<Member> members) {
        public record Member(String userId, double similarity) {
        }
    }

    private record Point(String userId, double[] vector) implements Clusterable {
        @Override
        public double[] getPoint() {
            return vector;
        }
    }
}
