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
 * User prototypes: k-means++ over unit-length embeddings (so Euclidean clustering follows cosine similarity). Matching
 * a user finds the nearest prototype by cosine and its members most similar to the user, topping up from the
 * next-nearest prototypes when a prototype has fewer members than asked for.
 * <p>
 * A member is a user ({@link ProMMode#PERSONA}), or one chain analysis of one of a user's past choices
 * ({@link ProMMode#PAPER}): then {@code owners} names each member's user, several members may share one, and a match
 * returns each user once, at their most similar member.
 */
public final class PrototypeIndex {
    private static final int MAX_ITERATIONS = 100;

    private final List<Prototype> prototypes;
    private final Map<String, double[]> embeddings;
    private final Map<String, String> owners;
    private final ProMMode mode;

    /** Prototypes whose members are users ({@code persona}). */
    public PrototypeIndex(List<Prototype> prototypes, Map<String, double[]> embeddings) {
        this(prototypes, embeddings, Map.of(), ProMMode.PERSONA);
    }

    /** @param owners each member's user, where the member id is not the user id itself */
    public PrototypeIndex(List<Prototype> prototypes, Map<String, double[]> embeddings, Map<String, String> owners,
            ProMMode mode) {
        this.prototypes = List.copyOf(prototypes);
        this.embeddings = Map.copyOf(embeddings);
        this.owners = Map.copyOf(owners);
        this.mode = mode;
    }

    /** Clusters users; {@code k <= 0} picks about sqrt(n/2) prototypes; never more than there are users. */
    public static PrototypeIndex build(Map<String, double[]> embeddings, int k, long seed) {
        Map<String, double[]> usable = usable(embeddings);
        int clusters = k > 0 ? k : (int) Math.round(Math.sqrt(usable.size() / 2.0));
        return new PrototypeIndex(cluster(usable, clusters, seed), usable, Map.of(), ProMMode.PERSONA);
    }

    /**
     * Clusters chain analyses, each owned by the user whose past choice it analysed ({@code paper});
     * {@code k <= 0} picks {@link ProMMode#PAPER_PROTOTYPES}; never more than there are analyses.
     */
    public static PrototypeIndex overAnalyses(Map<String, double[]> analyses, Map<String, String> owners, int k,
            long seed) {
        Map<String, double[]> usable = usable(analyses);
        Map<String, String> owned = new LinkedHashMap<>();
        for (String member : usable.keySet()) {
            String owner = owners.get(member);
            if (owner == null) {
                throw new IllegalArgumentException("analysis " + member + " has no owner");
            }
            owned.put(member, owner);
        }
        return new PrototypeIndex(cluster(usable, k > 0 ? k : ProMMode.PAPER_PROTOTYPES, seed), usable, owned,
                ProMMode.PAPER);
    }

    /** The nonzero vectors, at unit length, in member order (so a seed gives the same clusters in every process). */
    private static Map<String, double[]> usable(Map<String, double[]> embeddings) {
        Map<String, double[]> usable = new LinkedHashMap<>();
        embeddings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !PersonaEmbedding.isZero(e.getValue()))
                .forEach(e -> usable.put(e.getKey(), unit(e.getValue())));
        return usable;
    }

    private static List<Prototype> cluster(Map<String, double[]> usable, int k, long seed) {
        if (usable.isEmpty()) {
            return List.of();
        }
        int clusters = Math.max(1, Math.min(k, usable.size()));
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
            List<String> members = cluster.getPoints().stream().map(Point::memberId).sorted().toList();
            prototypes.add(new Prototype(prototypes.size(), cluster.getCenter().getPoint(), members));
        }
        return prototypes;
    }

    public List<Prototype> prototypes() {
        return prototypes;
    }

    public Map<String, double[]> embeddings() {
        return embeddings;
    }

    public ProMMode mode() {
        return mode;
    }

    /** The user a member belongs to: itself, unless it is one of a user's chain analyses. */
    public String ownerOf(String member) {
        return owners.getOrDefault(member, member);
    }

    /**
     * Nearest prototype and up to {@code m} most similar other users, each once (at their most similar member); user
     * ids only, histories added by caller.
     */
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
        Map<String, Ranked.Member> chosen = new LinkedHashMap<>();
        for (Prototype prototype : byDistance) {
            if (chosen.size() >= m) {
                break;
            }
            List<Ranked.Member> ranked = prototype.members().stream()
                    .map(member -> new Ranked.Member(ownerOf(member),
                            PersonaEmbedding.cosine(anchor, embeddings.get(member))))
                    .filter(member -> !member.userId().equals(userId))
                    .sorted(Comparator.comparingDouble((Ranked.Member r) -> -r.similarity())
                            .thenComparing(Ranked.Member::userId))
                    .toList();
            for (Ranked.Member member : ranked) {
                if (chosen.size() >= m) {
                    break;
                }
                chosen.putIfAbsent(member.userId(), member);
            }
        }
        return new Ranked(nearest.id(), PersonaEmbedding.cosine(anchor, nearest.centroid()),
                List.copyOf(chosen.values()));
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

    private record Point(String memberId, double[] vector) implements Clusterable {
        @Override
        public double[] getPoint() {
            return vector;
        }
    }
}
