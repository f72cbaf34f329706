package io.pgenrm.judge;

/** The judge answered, but its output could not be turned into a persona, rubric or scores. */
public class JudgeOutputException extends RuntimeException {
    private final String rawOutput;

    public JudgeOutputException(String reason, String rawOutput) {
        super(reason);
        this.rawOutput = rawOutput == null ? "" : rawOutput;
    }

    public String rawOutput() {
        return rawOutput;
    }
}
