package io.pgenrm.llm;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The endpoint's own word on when to come back: a 429 or 503 answer's Retry-After. A rate limit holds for the
 * endpoint, not for one request, so every call of the judge waits until then, not only the one that was refused.
 */
public final class RetryAfter {
    /** Longer waits are not believed: a misconfigured endpoint must not stall a batch for hours. */
    static final Duration LONGEST = Duration.ofMinutes(2);

    private final LongSupplier nanoClock;
    private final AtomicLong notBefore;

    public RetryAfter() {
        this(System::nanoTime);
    }

    RetryAfter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.notBefore = new AtomicLong(nanoClock.getAsLong());
    }

    /** The endpoint asked to wait {@code wait} from now; the later of this and any earlier request holds. */
    public void requested(Duration wait) {
        long nanos = Math.min(Math.max(wait.toNanos(), 0), LONGEST.toNanos());
        long until = nanoClock.getAsLong() + nanos;
        notBefore.accumulateAndGet(until, (current, next) -> next - current > 0 ? next : current);
    }

    /** How long a call must still wait; zero when the endpoint asked for nothing or the wait is over. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, notBefore.get() - nanoClock.getAsLong()));
    }

    /** Blocks until the endpoint's requested wait is over. */
    void await() throws InterruptedException {
        for (Duration left = remaining(); !left.isZero(); left = remaining()) {
            Thread.sleep(Math.max(1, left.toMillis()));
        }
    }
}
