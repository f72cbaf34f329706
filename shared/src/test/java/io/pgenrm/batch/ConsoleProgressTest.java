package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.ScalingPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final RunInfo RUN = new RunInfo("sample-local-ind4-pro4", "sample.jsonl", "local",
            ScalingPlan.of(4, 4));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outsideATerminalPrintsALineEveryTenthOfTheItemsLeft() {
        ConsoleProgress progress = new ConsoleProgress(out, "Ind-4/Pro-4 run 1/1", false, clock::get);
        progress.started(RUN, 100, 0);
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(100_000_000L);
            progress.itemFinished(i == 7 ? ItemStatus.FAILED : ItemStatus.CORRECT, CallCost.NONE);
        }
        progress.finished();

        assertThat(printed().lines()).hasSize(10).allMatch(l -> l.startsWith("  Ind-4/Pro-4 run 1/1  "));
        assertThat(printed().lines().findFirst().orElseThrow())
                .isEqualTo("  Ind-4/Pro-4 run 1/1  10/100 items  10.0 items/s  ETA 0:09  1 failed");
        assertThat(printed()).doesNotContain("\r").endsWith("100/100 items  10.0 items/s  ETA 0:00  1 failed\n");
    }

    @Test
    void onATerminalRedrawsOneLineInPlaceAndEndsIt() {
        ConsoleProgress progress = new ConsoleProgress(out, "Ind-1/Pro-0", true, clock::get);
        progress.started(RUN, 4, 0);
        for (int i = 0; i < 4; i++) {
            clock.addAndGet(300_000_000L);
            progress.itemFinished(ItemStatus.CORRECT, CallCost.NONE);
        }
        progress.finished();

        assertThat(printed()).startsWith("\r  Ind-1/Pro-0 [--------------------] 0/4 items")
                .contains("\r  Ind-1/Pro-0 [#####---------------] 1/4 items  3.3 items/s  ETA 0:01  0 failed")
                .endsWith("\r  Ind-1/Pro-0 [####################] 4/4 items  3.3 items/s  ETA 0:00  0 failed\n");
        assertThat(printed().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void onATerminalRedrawsAtMostFiveTimesASecond() {
        ConsoleProgress progress = new ConsoleProgress(out, "fast", true, clock::get);
        progress.started(RUN, 1000, 0);
        for (int i = 0; i < 1000; i++) {
            clock.addAndGet(1_000_000L);
            progress.itemFinished(ItemStatus.CORRECT, CallCost.NONE);
        }
        progress.finished();

        // One second of work: the first paint, about five redraws, and the final one.
        assertThat(printed().chars().filter(c -> c == '\r').count()).isBetween(5L, 8L);
    }

    @Test
    void aResumedRunSaysSoAndRatesOnlyTheNewItems() {
        ConsoleProgress progress = new ConsoleProgress(out, "Ind-4/Pro-4 run 2/3", false, clock::get);
        progress.started(RUN, 10, 8);
        clock.addAndGet(1_000_000_000L);
        progress.itemFinished(ItemStatus.TIE, CallCost.NONE);
        clock.addAndGet(1_000_000_000L);
        progress.itemFinished(ItemStatus.UNSCORED, CallCost.NONE);
        progress.finished();

        assertThat(printed().lines()).containsExactly(
                "  Ind-4/Pro-4 run 2/3: resuming run sample-local-ind4-pro4, 8 items already done, 2 to go",
                "  Ind-4/Pro-4 run 2/3  9/10 items (8 resumed)  1.0 items/s  ETA 0:01  0 failed",
                "  Ind-4/Pro-4 run 2/3  10/10 items (8 resumed)  1.0 items/s  ETA 0:00  0 failed, 1 unscored");
    }

    @Test
    void theLineCountsHowTheEndpointBehavedOnceAnythingWentWrong() {
        ConsoleProgress progress = new ConsoleProgress(out, "Ind-2/Pro-1", false, clock::get);
        progress.started(RUN, 2, 0);
        clock.addAndGet(1_000_000_000L);
        progress.itemFinished(ItemStatus.CORRECT, new CallCost(5, 0, 0, 0, 0, 1, 3, 2, 1, 0, 1));
        clock.addAndGet(1_000_000_000L);
        progress.itemFinished(ItemStatus.CORRECT, new CallCost(3, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0));
        progress.finished();

        assertThat(printed().lines()).containsExactly(
                "  Ind-2/Pro-1  1/2 items  1.0 items/s  ETA 0:01  0 failed  endpoint: retries 3 (5xx 2, 429 1, "
                        + "timeouts 0), resamples 1 (cut off 1)",
                "  Ind-2/Pro-1  2/2 items  1.0 items/s  ETA 0:00  0 failed  endpoint: retries 4 (5xx 2, 429 1, "
                        + "timeouts 1), resamples 1 (cut off 1)");
    }

    @Test
    void aFinishedRunSaysThereIsNothingLeft() {
        ConsoleProgress progress = new ConsoleProgress(out, "Ind-1/Pro-0", true, clock::get);
        progress.started(RUN, 5, 5);
        progress.finished();

        assertThat(printed()).doesNotContain("\r").endsWith(
                "  Ind-1/Pro-0  5/5 items (5 resumed)  0.0 items/s  ETA 0:00  0 failed  nothing left to evaluate\n");
    }
}
