package io.pgenrm.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RetryAfter retryAfter = new RetryAfter(now::get);

    @Test
    void theLatestRequestedTimeHoldsAndPasses() {
        assertThat(retryAfter.remaining()).isZero();

        retryAfter.requested(Duration.ofSeconds(3));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        retryAfter.requested(Duration.ofSeconds(1));

        assertThat(retryAfter.remaining()).isEqualTo(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(retryAfter.remaining()).isZero();
    }

    @Test
    void anUnbelievableWaitIsCappedAndANegativeOneIgnored() {
        retryAfter.requested(Duration.ofDays(1));
        assertThat(retryAfter.remaining()).isEqualTo(RetryAfter.LONGEST);

        RetryAfter other = new RetryAfter(now::get);
        other.requested(Duration.ofSeconds(-5));
        assertThat(other.remaining()).isZero();
    }
}
