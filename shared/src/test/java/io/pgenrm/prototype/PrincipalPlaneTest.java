package io.pgenrm.prototype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrincipalPlaneTest {

    @Test
    void usersSpreadAlongTwoDirectionsAreDrawnAlongTheTwoAxesInOrderOfSpread() {
        // Five dimensions; users lie on a grid along (1,1,0,0,0)/sqrt2 (spread 10) and e3 (spread 3), so the two
        // directions are uncorrelated, plus a little noise in the other dimensions.
        SplittableRandom random = new SplittableRandom(3);
        Map<String, double[]> embeddings = new LinkedHashMap<>();
        Map<String, double[]> truth = new LinkedHashMap<>();
        double s = Math.sqrt(0.5);
        for (int i = -10; i <= 10; i++) {
            for (double b : new double[] {-3, -1, 1, 3}) {
                String user = "u" + i + "_" + b;
                embeddings.put(user, new double[] {i * s + 5, i * s - 2, b + 1, random.nextDouble(-0.01, 0.01),
                    random.nextDouble(-0.01, 0.01)});
                truth.put(user, new double[] {i, b});
            }
        }

        PrincipalPlane plane = PrincipalPlane.of(embeddings);

        double meanA = truth.values().stream().mapToDouble(t -> t[0]).average().orElseThrow();
        double meanB = truth.values().stream().mapToDouble(t -> t[1]).average().orElseThrow();
        for (String user : embeddings.keySet()) {
            PrincipalPlane.Point p = plane.points().get(user);
            assertThat(Math.abs(p.x())).isCloseTo(Math.abs(truth.get(user)[0] - meanA), within(0.05));
            assertThat(Math.abs(p.y())).isCloseTo(Math.abs(truth.get(user)[1] - meanB), within(0.05));
        }
        assertThat(plane.xExplained()).isGreaterThan(plane.yExplained()).isGreaterThan(0.85);
        assertThat(plane.xExplained() + plane.yExplained()).isCloseTo(1.0, within(1e-3));
        assertThat(plane.points().keySet()).containsExactlyElementsOf(embeddings.keySet());
    }

    @Test
    void theSamePopulationIsDrawnTheSameWayWhicheverSignItsDataHas() {
        Map<String, double[]> embeddings = Map.of("a", new double[] {1, 0, 0}, "b", new double[] {-1, 0, 0},
                "c", new double[] {3, 0.5, 0});
        Map<String, double[]> negated = new LinkedHashMap<>();
        embeddings.forEach((user, v) -> negated.put(user, new double[] {-v[0], -v[1], -v[2]}));

        PrincipalPlane plane = PrincipalPlane.of(embeddings);
        PrincipalPlane mirrored = PrincipalPlane.of(negated);

        // The largest loading is made positive, so the picture is fixed by the data's directions, not their signs.
        for (String user : embeddings.keySet()) {
            assertThat(mirrored.points().get(user).x()).isCloseTo(-plane.points().get(user).x(), within(1e-9));
        }
        assertThat(plane.points().get("c").x()).isPositive();
    }

    @Test
    void noUsersOneUserOrIdenticalUsersGiveAPointAtTheCentreAndNoExplainedVariance() {
        assertThat(PrincipalPlane.of(Map.of()).points()).isEmpty();
        PrincipalPlane one = PrincipalPlane.of(Map.of("solo", new double[] {0.3, 0.1}));
        assertThat(one.points().get("solo")).isEqualTo(new PrincipalPlane.Point(0, 0));
        PrincipalPlane same = PrincipalPlane.of(Map.of("a", new double[] {1, 2}, "b", new double[] {1, 2}));
        assertThat(same.points().values()).containsOnly(new PrincipalPlane.Point(0, 0));
        assertThat(same.xExplained()).isZero();
    }
}
