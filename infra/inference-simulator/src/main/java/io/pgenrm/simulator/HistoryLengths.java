package io.pgenrm.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How many past choices (train rows) a generated user has: buckets of lengths with their shares, written as
 * {@code 0:0.1,1-4:0.2,5-9:0.2,10-20:0.5} (a bucket's length is uniform within its range).
 */
public record HistoryLengths(List<Bucket> buckets) {
    public static final HistoryLengths DEFAULT = parse("0:0.1,1-4:0.2,5-9:0.2,10-20:0.5");

    public record Bucket(int min, int max, double share) {
        public Bucket {
            if (min < 0 || max < min || !(share > 0)) {
                throw new IllegalArgumentException("history bucket needs 0 <= min <= max and share > 0, got "
                        + min + "-" + max + ":" + share);
            }
        }
    }

    public HistoryLengths {
        buckets = List.copyOf(buckets);
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("history lengths need at least one bucket");
        }
    }

    public static HistoryLengths parse(String spec) {
        List<Bucket> buckets = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] rangeAndShare = part.strip().split(":");
            if (rangeAndShare.length != 2) {
                throw new IllegalArgumentException("history bucket must be <min>[-<max>]:<share>, got '" + part + "'");
            }
            String[] range = rangeAndShare[0].strip().split("-");
            try {
                int min = Integer.parseInt(range[0].strip());
                int max = range.length > 1 ? Integer.parseInt(range[1].strip()) : min;
                buckets.add(new Bucket(min, max, Double.parseDouble(rangeAndShare[1].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("history bucket must be <min>[-<max>]:<share>, got '" + part + "'",
                        e);
            }
        }
        return new HistoryLengths(buckets);
    }

    int draw(SplittableRandom random) {
        double total = buckets.stream().mapToDouble(Bucket::share).sum();
        double u = random.nextDouble() * total;
        for (Bucket bucket : buckets) {
            u -= bucket.share();
            if (u < 0) {
                return random.nextInt(bucket.min(), bucket.max() + 1);
            }
        }
        Bucket last = buckets.get(buckets.size() - 1);
        return random.nextInt(last.min(), last.max() + 1);
    }
}
