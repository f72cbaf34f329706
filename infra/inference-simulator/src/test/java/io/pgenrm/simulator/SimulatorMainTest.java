package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.BenchmarkDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulatorMainTest {
    @TempDir
    Path dir;

    @Test
    void generateWritesTheRequestedUsersAndItems() throws Exception {
        Path out = dir.resolve("data/bench.jsonl");
        StringWriter printed = new StringWriter();
        CommandLine cli = SimulatorMain.commandLine();
        cli.setOut(new PrintWriter(printed));

        int exit = cli.execute("generate", "--users", "12", "--test-per-user", "2", "--history", "2-3:1",
                "--seed", "4", "--out", out.toString());

        assertThat(exit).isZero();
        BenchmarkDataset loaded = BenchmarkDataset.load(out);
        assertThat(loaded.items()).hasSize(24);
        assertThat(loaded.histories().values()).allSatisfy(h -> assertThat(h.pairs()).hasSizeBetween(2, 3));
        assertThat(printed.toString()).contains("24 test").contains("oracle accuracy");
    }

    @Test
    void aBadLatencySpecIsAUsageError() {
        CommandLine cli = SimulatorMain.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("serve", "--latency", "gaussian:200")).isEqualTo(2);
    }

    @Test
    void latencySpecsParseToTheirDistributions() {
        SplittableRandom random = new SplittableRandom(1);

        assertThat(LatencyDistribution.parse("fixed:200").sampleMillis(random)).isEqualTo(200);
        assertThat(LatencyDistribution.parse("uniform:100:300")).isEqualTo(new LatencyDistribution.Uniform(100, 300));
        long[] draws = new long[2001];
        LatencyDistribution lognormal = LatencyDistribution.parse("lognormal:200:0.3");
        for (int i = 0; i < draws.length; i++) {
            draws[i] = lognormal.sampleMillis(random);
        }
        java.util.Arrays.sort(draws);
        assertThat(draws[1000]).isBetween(185L, 215L);
        assertThat(draws[2000]).isGreaterThan(300);
    }
}
