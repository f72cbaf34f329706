package io.pgenrm.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import java.util.List;

/**
 * One PersonalRewardBench JSONL row, field names as in the data set; {@code profile} (optional) is the user's
 * demographics and stated preferences, as text or as an object.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkRow(@JsonProperty("user_id") String userId, @JsonProperty("split") String split,
        @JsonProperty("context") List<Message> context, @JsonProperty("chosen") Response chosen,
        @JsonProperty("rejected") Response rejected, @JsonProperty("profile") JsonNode profile) {

    /** The preference this row states, as history. */
    public PreferencePair pair() {
        return new PreferencePair(context, chosen.content(), rejected.content());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(@JsonProperty("content") String content) {
    }
}
