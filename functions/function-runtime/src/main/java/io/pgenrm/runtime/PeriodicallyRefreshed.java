package io.pgenrm.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A value read from its source at most once per {@code maxAge}, so a rotated secret is picked up without a redeploy. */
final class PeriodicallyRefreshed<T> implements Supplier<T> {
    private final Supplier<T> source;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt;

    PeriodicallyRefreshed(Supplier<T> source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(readAt.plus(maxAge))) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
