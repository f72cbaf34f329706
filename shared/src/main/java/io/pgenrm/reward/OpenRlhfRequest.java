package io.pgenrm.reward;

import io.pgenrm.domain.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Body of {@code POST /get_reward}, exactly as OpenRLHF's remote reward model client sends it: each query is a prompt
 * followed by one response (chat template included), {@code prompts} holds each query's prompt, and {@code labels}
 * each query's user id (a null or blank label is an anonymous cold-start user).
 */
public record OpenRlhfRequest(List<String> query, List<String> prompts, List<String> labels) {
    public OpenRlhfRequest {
        query = Validation.copyOf(query, "query");
        Validation.require(!query.isEmpty(), "query", "must hold at least one query");
        prompts = Validation.copyOf(prompts, "prompts");
        Validation.require(prompts.size() == query.size(), "prompts",
                "must hold one entry per query: " + query.size() + " queries, " + prompts.size() + " prompts");
        Validation.require(labels != null, "labels", "is required: each query's user id");
        labels = Collections.unmodifiableList(new ArrayList<>(labels));
        Validation.require(labels.size() == query.size(), "labels",
                "must hold one entry per query: " + query.size() + " queries, " + labels.size() + " labels");
    }
}
