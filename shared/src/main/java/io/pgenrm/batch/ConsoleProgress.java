package io.pgenrm.batch;

import io.pgenrm.domain.CallCost;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress of one run on the console. On a terminal one line is redrawn in place with {@code \r} (at most five
 * times a second, so a fast backend does not spend its time printing); elsewhere, such as a CI log, a plain line is
 * printed every tenth of the items left, so the log stays readable. Either way the line counts how the endpoint has
 * behaved so far (retries, 5xx, 429s, timeouts, resamples, cut-off outputs) once anything went wrong.
 */
public final class ConsoleProgress implements BatchProgress {
    private static final long REPAINT_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private final boolean inPlace;
    private final LongSupplier nanoClock;
    private int total;
    private int resumed;
    private int doneHere;
    private int failed;
    private int unscored;
    private FaultCounts faults = FaultCounts.NONE;
    private int lineEvery;
    private long startedAt;
    private long paintedAt;
    private int paintedWidth;

    public ConsoleProgress(PrintStream out, String label, boolean inPlace, LongSupplier nanoClock) {
        this.out = out;
        this.label = label;
        this.inPlace = inPlace;
        this.nanoClock = nanoClock;
    }

    /** In place when this process writes to a terminal, line by line otherwise. */
    public static ConsoleProgress onStandardOutput(String label) {
        return new ConsoleProgress(System.out, label, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void started(RunInfo run, int total, int alreadyDone) {
        this.total = total;
        this.resumed = alreadyDone;
        this.lineEvery = Math.max(1, (total - alreadyDone) / 10);
        this.startedAt = nanoClock.getAsLong();
        if (alreadyDone > 0) {
            out.println("  " + label + ": resuming run " + run.runId() + ", " + alreadyDone + " items already done, "
                    + (total - alreadyDone) + " to go");
        }
        if (inPlace && alreadyDone < total) {
            paint();
        }
    }

    @Override
    public synchronized void itemFinished(ItemStatus status, CallCost cost) {
        doneHere++;
        faults = faults.plus(FaultCounts.of(cost));
        if (status == ItemStatus.FAILED) {
            failed++;
        } else if (status == ItemStatus.UNSCORED) {
            unscored++;
        }
        boolean last = resumed + doneHere == total;
        if (inPlace) {
            if (last || nanoClock.getAsLong() - paintedAt >= REPAINT_NANOS) {
                paint();
            }
        } else if (last || doneHere % lineEvery == 0) {
            out.println("  " + label + "  " + line().text(false));
        }
    }

    @Override
    public synchronized void finished() {
        if (doneHere == 0) {
            out.println("  " + label + "  " + line().text(false) + "  nothing left to evaluate");
        } else if (inPlace) {
            out.println();
        }
        out.flush();
    }

    private ProgressLine line() {
        return new ProgressLine(total, resumed, doneHere, failed, unscored, faults,
                nanoClock.getAsLong() - startedAt);
    }

    private void paint() {
        String text = "  " + label + " " + line().text(true);
        // Pad over the end of a longer previous line: \r moves back but does not erase.
        out.print("\r" + text + " ".repeat(Math.max(0, paintedWidth - text.length())));
        out.flush();
        paintedWidth = text.length();
        paintedAt = nanoClock.getAsLong();
    }
}
