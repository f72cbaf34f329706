package io.pgenrm.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which inference failures are worth retrying (rate limits (429), server errors (5xx), timeouts, refused
 * connections), and what kind of failure each was, for the run's counts.
 */
final class RetryableFailures {
    private static final Pattern STATUS = Pattern.compile("\\b(status(?: code)?:? ?)(429|5\\d\\d)\\b",
            Pattern.CASE_INSENSITIVE);

    /** What an attempt's failure was, as the run's counts tell them apart. */
    enum Kind { RATE_LIMITED, SERVER_ERROR, TIMEOUT, OTHER }

    private RetryableFailures() {
    }

    static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof ConnectException || isTimeout(t)) {
                return true;
            }
            if (t instanceof HttpException http) {
                return http.statusCode() == 429 || http.statusCode() >= 500;
            }
            if (t.getMessage() != null && STATUS.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first status, or timeout, found along the cause chain. */
    static Kind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int status = t instanceof HttpException http ? http.statusCode() : statusInMessage(t);
            if (status == 429) {
                return Kind.RATE_LIMITED;
            }
            if (status >= 500) {
                return Kind.SERVER_ERROR;
            }
            if (isTimeout(t)) {
                return Kind.TIMEOUT;
            }
        }
        return Kind.OTHER;
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof TimeoutException || t instanceof InterruptedIOException
                || t instanceof java.net.http.HttpTimeoutException || t.getClass().getName().contains("Timeout");
    }

    private static int statusInMessage(Throwable t) {
        Matcher status = t.getMessage() == null ? null : STATUS.matcher(t.getMessage());
        return status != null && status.find() ? Integer.parseInt(status.group(2)) : -1;
    }
}
