package io.pgenrm.prototype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Paper Pro-M's index: chain analyses of users' past choices in k = 100 prototypes, matched by cosine, neighbours the
 * most similar users of the nearest prototype.
 */
class PrototypeIndexTest {
    private static final int DIMENSIONS = 16;
    private static final int TASTES = 100;

    /** A unit vector near axis pair {@code taste}: 100 tastes, each a distinct direction in 16 dimensions. */
    private static double[] near(int taste, Random noise, double spread) {
        double[] v = new double[DIMENSIONS];
        v[taste % DIMENSIONS] = 1;
        v[(taste / DIMENSIONS + taste % DIMENSIONS + 1) % DIMENSIONS] += 0.5 + (taste / DIMENSIONS) * 0.4;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] += spread * noise.nextGaussian();
        }
        return v;
    }

    /** 100 tastes, 4 users of each, 3 analyses per user: 1,200 analyses of 400 users. */
    private static PrototypeIndex hundredTastes(Map<String, Integer> tasteOfUser) {
        Random noise = new Random(11);
        Map<String, double[]> analyses = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (int taste = 0; taste < TASTES; taste++) {
            for (int u = 0; u < 4; u++) {
                String user = "t" + taste + "-u" + u;
                tasteOfUser.put(user, taste);
                for (int pair = 0; pair < 3; pair++) {
                    analyses.put(user + "#" + pair, near(taste, noise, 0.01));
                    owners.put(user + "#" + pair, user);
                }
            }
        }
        return PrototypeIndex.overAnalyses(analyses, owners, 0, 7);
    }

    @Test
    void analysesAreClusteredIntoTheHundredPrototypesOfThePaperWhenNoneAreAskedFor() {
        Map<String, Integer> tastes = new LinkedHashMap<>();

        PrototypeIndex index = hundredTastes(tastes);

        assertThat(index.mode()).isEqualTo(ProMMode.PAPER);
        assertThat(index.prototypes()).hasSize(ProMMode.PAPER_PROTOTYPES);
        assertThat(index.embeddings()).hasSize(1200);
        assertThat(index.prototypes().stream().mapToInt(p -> p.members().size()).sum()).isEqualTo(1200);
        // Every analysis belongs to its user, and a user's three analyses of one taste share a prototype.
        for (Prototype prototype : index.prototypes()) {
            assertThat(prototype.members()).allSatisfy(member ->
                    assertThat(member).startsWith(index.ownerOf(member) + "#"));
        }
        long splitUsers = tastes.keySet().stream().filter(user -> index.prototypes().stream()
                .filter(p -> p.members().stream().anyMatch(m -> index.ownerOf(m).equals(user))).count() > 1).count();
        assertThat(splitUsers).isZero();
    }

    @Test
    void aMatchTakesTheTopMUsersOfTheNearestPrototypeByCosineEachOnceAndNeverTheUserThemself() {
        Map<String, Integer> tastes = new LinkedHashMap<>();
        PrototypeIndex index = hundredTastes(tastes);
        double[] query = near(42, new Random(3), 0.01);

        PrototypeIndex.Ranked ranked = index.match("t42-u0", query, 3);

        Prototype nearest = index.prototypes().stream().filter(p -> p.id() == ranked.prototypeId()).findFirst()
                .orElseThrow();
        double best = index.prototypes().stream().mapToDouble(p -> PersonaEmbedding.cosine(p.centroid(), query))
                .max().orElseThrow();
        assertThat(PersonaEmbedding.cosine(nearest.centroid(), query)).isEqualTo(best);
        assertThat(nearest.members()).allSatisfy(m -> assertThat(tastes.get(index.ownerOf(m))).isEqualTo(42));
        assertThat(ranked.members()).extracting(PrototypeIndex.Ranked.Member::userId)
                .containsExactlyInAnyOrder("t42-u1", "t42-u2", "t42-u3");
        // Ranked by cosine; each user's similarity is that of their most similar analysis.
        assertThat(ranked.members()).extracting(PrototypeIndex.Ranked.Member::similarity)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        for (PrototypeIndex.Ranked.Member member : ranked.members()) {
            double mostSimilar = index.embeddings().entrySet().stream()
                    .filter(e -> index.ownerOf(e.getKey()).equals(member.userId()))
                    .mapToDouble(e -> PersonaEmbedding.cosine(query, e.getValue())).max().orElseThrow();
            assertThat(member.similarity()).isEqualTo(mostSimilar);
        }
    }

    @Test
    void theTopMOfThePrototypeAreItsMostSimilarMembersNotTheFirstOnes() {
        double[] query = {1, 0, 0};
        Map<String, double[]> analyses = new LinkedHashMap<>();
        analyses.put("a#0", new double[] {0.6, 0.8, 0});
        analyses.put("b#0", new double[] {0.99, 0.14, 0});
        analyses.put("c#0", new double[] {0.8, 0.6, 0});
        analyses.put("c#1", new double[] {0.995, 0.1, 0});
        analyses.put("z#0", new double[] {0, 0, 1});
        Map<String, String> owners = Map.of("a#0", "a", "b#0", "b", "c#0", "c", "c#1", "c", "z#0", "z");
        PrototypeIndex index = PrototypeIndex.overAnalyses(analyses, owners, 2, 7);

        PrototypeIndex.Ranked ranked = index.match("q", query, 2);

        assertThat(ranked.members()).extracting(PrototypeIndex.Ranked.Member::userId).containsExactly("c", "b");
    }

    @Test
    void aPrototypeWithTooFewOtherUsersIsToppedUpFromTheNextNearest() {
        Map<String, double[]> analyses = new LinkedHashMap<>();
        analyses.put("me#0", new double[] {1, 0});
        analyses.put("me#1", new double[] {1, 0.01});
        analyses.put("near#0", new double[] {0.98, 0.02});
        analyses.put("far#0", new double[] {0, 1});
        Map<String, String> owners = Map.of("me#0", "me", "me#1", "me", "near#0", "near", "far#0", "far");
        PrototypeIndex index = PrototypeIndex.overAnalyses(analyses, owners, 2, 7);

        PrototypeIndex.Ranked ranked = index.match("me", new double[] {1, 0}, 2);

        assertThat(ranked.members()).extracting(PrototypeIndex.Ranked.Member::userId).containsExactly("near", "far");
    }

    @Test
    void personaPrototypesStayOneMemberPerUserWithTheirOwnIds() {
        Map<String, double[]> users = new LinkedHashMap<>();
        users.put("u1", new double[] {1, 0});
        users.put("u2", new double[] {0.9, 0.1});
        users.put("u3", new double[] {0, 1});

        PrototypeIndex index = PrototypeIndex.build(users, 0, 7);

        assertThat(index.mode()).isEqualTo(ProMMode.PERSONA);
        assertThat(index.ownerOf("u2")).isEqualTo("u2");
        assertThat(index.match("u1", new double[] {1, 0}, 1).members())
                .extracting(PrototypeIndex.Ranked.Member::userId).containsExactly("u2");
        assertThat(List.of(ProMMode.parse(" Paper "), ProMMode.parse("persona")))
                .containsExactly(ProMMode.PAPER, ProMMode.PERSONA);
    }
}
