package io.pgenrm.reward;

/**
 * The verdict on one response: its personalized {@code reward} (the judge's weighted total, on its 1-10 scale),
 * {@code score}, the same mapped onto [0, 1], and the id of the evaluation that judged it (its chains are at
 * {@code GET /v1/evaluations/{id}} while the cache holds them). When it could not be judged, {@code reward} and
 * {@code score} are null and {@code error} says why: a failure is never reported as a score.
 */
public record ResponseReward(Double reward, Double score, String evaluationId, String error) {
    static ResponseReward failed(String evaluationId, String error) {
        return new ResponseReward(null, null, evaluationId, error);
    }

    public boolean failed() {
        return error != null;
    }
}
