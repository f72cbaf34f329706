package io.pgenrm.runtime;

import io.pgenrm.api.RequestLimits;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.domain.InvalidInputException;

/**
 * Edge checks shared by every function: an absent body is a client error, never a NullPointerException, and a body
 * out of the documented bounds ({@link RequestLimits}) is refused before any work starts, on Lambda as over HTTP.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        RequestLimits.check(body);
        return body;
    }

    /** A benchmark row usable as history or as an item; a problem is named by its path in the request. */
    public static BenchmarkRow validRow(BenchmarkRow row) {
        try {
            BenchmarkDataset.validate(row);
            return row;
        } catch (InvalidInputException e) {
            throw e.within("row");
        }
    }
}
