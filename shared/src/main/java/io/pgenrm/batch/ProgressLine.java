package io.pgenrm.batch;

import java.util.Locale;

/**
 * A run's progress at one moment. Rate and ETA count only the items finished by this process: items resumed from
 * an earlier process took no time here and would make the rate look far better than it is. {@code faults} is how
 * the endpoint behaved for the items finished by this process.
 */
public record ProgressLine(int total, int resumed, int doneHere, int failed, int unscored, FaultCounts faults,
        long elapsedNanos) {
    private static final int BAR_WIDTH = 20;

    public int done() {
        return resumed + doneHere;
    }

    /** Items per second finished by this process. */
    public double rate() {
        return doneHere == 0 ? 0 : doneHere / Math.max(elapsedNanos / 1e9, 1e-3);
    }

    /** Seconds left at the current rate; -1 while no item has finished, so there is no rate yet. */
    public long etaSeconds() {
        if (done() >= total) {
            return 0;
        }
        return doneHere == 0 ? -1 : Math.round((total - done()) / rate());
    }

    public String text(boolean withBar) {
        StringBuilder s = new StringBuilder();
        if (withBar) {
            int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done() / total);
            s.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        }
        s.append(String.format(Locale.ROOT, "%d/%d items", done(), total));
        if (resumed > 0) {
            s.append(String.format(Locale.ROOT, " (%d resumed)", resumed));
        }
        s.append(String.format(Locale.ROOT, "  %.1f items/s  ETA %s  %d failed", rate(), duration(etaSeconds()),
                failed));
        if (unscored > 0) {
            s.append(String.format(Locale.ROOT, ", %d unscored", unscored));
        }
        if (faults.any()) {
            s.append("  endpoint: ").append(faults.text());
        }
        return s.toString();
    }

    /** m:ss below an hour, h:mm:ss above, and --:-- when unknown. */
    static String duration(long seconds) {
        if (seconds < 0) {
            return "--:--";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
