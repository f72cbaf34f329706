package io.pgenrm.simulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Live counters behind {@link StatsSnapshot}; safe to update from every request thread. */
final class ServerStats {
    final LongAdder requests = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder error5xx = new LongAdder();
    final LongAdder rateLimited429 = new LongAdder();
    final LongAdder queueFull429 = new LongAdder();
    final LongAdder timeout = new LongAdder();
    final LongAdder badRequest400 = new LongAdder();
    final LongAdder choices = new LongAdder();
    final LongAdder malformedChoices = new LongAdder();
    final LongAdder lengthCutChoices = new LongAdder();
    final LongAdder offFormatPrompts = new LongAdder();
    final AtomicInteger hanging = new AtomicInteger();

    StatsSnapshot snapshot(ServiceSlots.Levels slots) {
        return new StatsSnapshot(requests.sum(),
                new StatsSnapshot.Outcomes(ok.sum(), malformed.sum(), error5xx.sum(), rateLimited429.sum(),
                        timeout.sum(), badRequest400.sum()),
                queueFull429.sum(), choices.sum(), malformedChoices.sum(), lengthCutChoices.sum(),
                offFormatPrompts.sum(), slots.inService(),
                slots.queued(), hanging.get(), slots.maxInService(), slots.maxQueued());
    }
}
