package io.pgenrm.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides what happens to each request. The decision is drawn from the simulator seed, a hash of the request body
 * and how many times that same body has been sent before, so a run is reproducible whatever order concurrent
 * requests arrive in, and a client's retry of a failed body gets a fresh draw that can succeed.
 */
final class FaultSchedule {
    enum Fate { SERVE, SERVER_ERROR, RATE_LIMITED, HANG }

    /** One request's lot: its fate, the 5xx status if it fails, its service time and the damage to each choice. */
    record Plan(Fate fate, int errorStatus, long latencyMillis, long noiseSeed, List<OutputDamage> damage) {
    }

    private static final int[] ERROR_STATUSES = {500, 502, 503};

    private final SimulatorSettings settings;
    private final ConcurrentHashMap<Long, AtomicInteger> attemptsByBody = new ConcurrentHashMap<>();

    FaultSchedule(SimulatorSettings settings) {
        this.settings = settings;
    }

    Plan plan(byte[] body, int choices) {
        long bodyHash = Seeds.hash(body);
        int attempt = attemptsByBody.computeIfAbsent(bodyHash, h -> new AtomicInteger()).getAndIncrement();
        SplittableRandom random = new SplittableRandom(Seeds.mix(settings.seed(), bodyHash, attempt));
        double u = random.nextDouble();
        Fate fate;
        if (u < settings.rateLimitRate()) {
            fate = Fate.RATE_LIMITED;
        } else if (u < settings.rateLimitRate() + settings.timeoutRate()) {
            fate = Fate.HANG;
        } else if (u < settings.rateLimitRate() + settings.timeoutRate() + settings.errorRate()) {
            fate = Fate.SERVER_ERROR;
        } else {
            fate = Fate.SERVE;
        }
        int status = ERROR_STATUSES[random.nextInt(ERROR_STATUSES.length)];
        long latency = settings.latency().sampleMillis(random);
        long noiseSeed = random.nextLong();
        List<OutputDamage> damage = new ArrayList<>(choices);
        for (int c = 0; c < choices; c++) {
            damage.add(random.nextDouble() < settings.malformedRate()
                    ? OutputDamage.KINDS.get(random.nextInt(OutputDamage.KINDS.size())) : OutputDamage.NONE);
        }
        return new Plan(fate, status, latency, noiseSeed, damage);
    }
}
