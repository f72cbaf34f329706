package io.pgenrm.judge;

import io.pgenrm.domain.CallCost;

/**
 * The judge answered, but its output could not be turned into a persona, rubric or scores. Carries what the
 * unusable answer cost, so failed attempts still show in an evaluation's calls and tokens.
 */
public class JudgeOutputException extends RuntimeException {
    private final String rawOutput;
    private final CallCost cost;

    public JudgeOutputException(String reason, String rawOutput) {
        this(reason, rawOutput, CallCost.NONE);
    }

    private JudgeOutputException(String reason, String rawOutput, CallCost cost) {
        super(reason);
        this.rawOutput = rawOutput == null ? "" : rawOutput;
        this.cost = cost;
    }

    public String rawOutput() {
        return rawOutput;
    }

    public CallCost cost() {
        return cost;
    }

    /** The same failure, with the cost of the call that produced the output. */
    public JudgeOutputException withCost(CallCost callCost) {
        JudgeOutputException priced = new JudgeOutputException(getMessage(), rawOutput, callCost);
        priced.setStackTrace(getStackTrace());
        return priced;
    }
}
