package io.pgenrm.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The simulator's counters at one moment, as served by {@code GET /stats}.
 *
 * @param requests              chat completion requests received
 * @param outcomes              how the answered ones ended (requests still in service or held are not counted yet,
 *                              except timeouts, which count when the hold starts)
 * @param queueFull429          the part of {@code outcomes.rate_limited_429} caused by a full queue
 * @param choices               choices produced in 200 answers
 * @param malformedChoices      of those, the ones deliberately made unusable
 * @param lengthCutChoices      of those, the ones cut at the request's max_tokens
 * @param offFormatPrompts      with the official style, requests that were not chain-shaped (answered with prose)
 * @param inService             requests holding a service slot now
 * @param queueLength           requests waiting for a slot now
 * @param hanging               requests being held before they are closed unanswered
 * @param maxInServiceObserved  the most requests ever in service at once
 * @param maxQueueLengthObserved the longest the queue has been
 */
public record StatsSnapshot(
        @JsonProperty("requests") long requests,
        @JsonProperty("outcomes") Outcomes outcomes,
        @JsonProperty("queue_full_429") long queueFull429,
        @JsonProperty("choices") long choices,
        @JsonProperty("malformed_choices") long malformedChoices,
        @JsonProperty("length_cut_choices") long lengthCutChoices,
        @JsonProperty("off_format_prompts") long offFormatPrompts,
        @JsonProperty("in_service") int inService,
        @JsonProperty("queue_length") int queueLength,
        @JsonProperty("hanging") int hanging,
        @JsonProperty("max_in_service_observed") int maxInServiceObserved,
        @JsonProperty("max_queue_length_observed") int maxQueueLengthObserved) {

    /** {@code malformed} counts 200 answers with at least one unusable choice. */
    public record Outcomes(
            @JsonProperty("ok") long ok,
            @JsonProperty("malformed") long malformed,
            @JsonProperty("error_5xx") long error5xx,
            @JsonProperty("rate_limited_429") long rateLimited429,
            @JsonProperty("timeout") long timeout,
            @JsonProperty("bad_request_400") long badRequest400) {
    }
}
