package io.pgenrm.batch;

import io.pgenrm.domain.ScalingPlan;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many samples a scaling plan draws: Ind-N from the user's own persona, Pro-M from similar users. Written
 * {@code ind4pro4}, {@code ind4-pro4}, {@code Ind-4/Pro-4}, {@code ind8}, {@code pro4} or {@code 4/4}.
 */
public record PlanSize(int ind, int pro) {
    private static final Pattern IND_PRO = Pattern.compile("(?i)ind-?(\\d{1,4})(?:[-/]?pro-?(\\d{1,4}))?");
    private static final Pattern PRO_ONLY = Pattern.compile("(?i)pro-?(\\d{1,4})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,4})/(\\d{1,4})");
    private static final String SYNTAX = "write indN or indNproM (ind1, ind4pro4, Ind-4/Pro-4) or N/M (4/4)";

    public PlanSize {
        if (ind < 0 || ind > ScalingPlan.MAX_SAMPLES || pro < 0 || pro > ScalingPlan.MAX_SAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Ind-%d/Pro-%d: each side takes 0 to %d samples", ind, pro, ScalingPlan.MAX_SAMPLES));
        }
        if (ind + pro == 0) {
            throw new IllegalArgumentException("Ind-0/Pro-0 draws no sample: a plan needs at least one");
        }
    }

    /** Parses one plan; the message of the exception says what is wrong and how to write it. */
    public static PlanSize parse(String text) {
        String t = text.strip();
        Matcher slashed = SLASHED.matcher(t);
        if (slashed.matches()) {
            return new PlanSize(Integer.parseInt(slashed.group(1)), Integer.parseInt(slashed.group(2)));
        }
        Matcher indPro = IND_PRO.matcher(t);
        if (indPro.matches()) {
            return new PlanSize(Integer.parseInt(indPro.group(1)),
                    indPro.group(2) == null ? 0 : Integer.parseInt(indPro.group(2)));
        }
        Matcher proOnly = PRO_ONLY.matcher(t);
        if (proOnly.matches()) {
            return new PlanSize(0, Integer.parseInt(proOnly.group(1)));
        }
        throw new IllegalArgumentException("'" + text + "' is not a scaling plan: " + SYNTAX);
    }

    public ScalingPlan withWeights(double selfWeight, double prototypeWeight) {
        return new ScalingPlan(ind, pro, selfWeight, prototypeWeight);
    }

    /** "Ind-4/Pro-4", as {@link ScalingPlan#label()}. */
    public String label() {
        return "Ind-" + ind + "/Pro-" + pro;
    }

    /** "ind4-pro4": the form used in run ids. */
    public String slug() {
        return "ind" + ind + "-pro" + pro;
    }
}
