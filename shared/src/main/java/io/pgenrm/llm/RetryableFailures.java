package io.pgenrm.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** Which inference failures are worth retrying: rate limits (429), server errors (5xx), timeouts, refused connections. */
final class RetryableFailures {
    private static final Pattern STATUS = Pattern.compile("\\b(status(?: code)?:? ?)(429|5\\d\\d)\\b",
            Pattern.CASE_INSENSITIVE);

    private RetryableFailures() {
    }

    static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof TimeoutException || t instanceof InterruptedIOException
                    || t instanceof ConnectException || t instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
            if (t instanceof HttpException http) {
                return http.statusCode() == 429 || http.statusCode() >= 500;
            }
            if (t.getMessage() != null && STATUS.matcher(t.getMessage()).find()) {
                return true;
            }
            if (t.getClass().getName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
