package io.pgenrm.app;

import io.pgenrm.batch.PlanSize;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Names the runs of one {@code pgenrm evaluate} and its report. Repeat 0 of a lone plan keeps the id runs had
 * before plans and repeats existed ({@code FILE-BACKEND-ind4-pro4}, or the --run-id as given), so they resume;
 * with several plans each gets its plan appended to the --run-id, and repeats after the first get -r1, -r2...
 */
record RunIds(String fileAndBackend, String explicitId, List<PlanSize> plans) {

    static RunIds of(String fileName, String backend, String explicitId, List<PlanSize> plans) {
        return new RunIds(fileName.replaceFirst("\\.jsonl?$", "") + "-" + backend.replace('/', '-'), explicitId,
                List.copyOf(plans));
    }

    String run(PlanSize plan, int repeat) {
        String base = explicitId == null ? fileAndBackend + "-" + plan.slug()
                : plans.size() == 1 ? explicitId : explicitId + "-" + plan.slug();
        return repeat == 0 ? base : base + "-r" + repeat;
    }

    /** The --run-id, else the lone plan's run id, else the file, backend and every plan. */
    String report() {
        if (explicitId != null) {
            return explicitId;
        }
        return plans.size() == 1 ? run(plans.get(0), 0)
                : fileAndBackend + "-" + plans.stream().map(PlanSize::slug).collect(Collectors.joining("_"));
    }
}
