package io.pgenrm.workflow;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.api.SamplePlan;
import io.pgenrm.api.SampleTask;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.prototype.Neighbour;
import io.pgenrm.prototype.PrototypeMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Expands a scaling plan into independent samples: Ind-N from the user's own history, Pro-M one per neighbour.
 * Seeds derive from the request id so a rerun draws the same samples; one item seed, shared by all of them, fixes
 * the candidates' shown order.
 */
public final class SamplePlanner {
    private SamplePlanner() {
    }

    public static SamplePlan plan(EvaluateRequest request, PrototypeMatch match, boolean personaVariesBySeed,
            boolean rubricStep) {
        UserHistory own = request.history() != null ? request.history() : UserHistory.empty(request.userId());
        String base = request.requestId() != null ? request.requestId() : request.userId();
        long itemSeed = itemSeed(base);
        List<SampleTask> tasks = new ArrayList<>();
        for (int i = 0; i < request.scaling().ind(); i++) {
            long seed = seed(base, SampleSource.SELF, i);
            long personaSeed = personaVariesBySeed && i > 0 ? seed : 0;
            add(tasks, new SampleTask(SampleSource.SELF, own, i, seed, itemSeed, personaSeed, rubricStep, false),
                    request.scaling().bothOrders());
        }
        int j = 0;
        for (Neighbour neighbour : match.neighbours()) {
            if (j == request.scaling().pro()) {
                break;
            }
            add(tasks, new SampleTask(SampleSource.NEIGHBOUR, neighbour.history(), j,
                    seed(base, SampleSource.NEIGHBOUR, j), itemSeed, 0, rubricStep, false),
                    request.scaling().bothOrders());
            j++;
        }
        return new SamplePlan(tasks);
    }

    /**
     * Whether a sample's whole chain can be asked for in one request together with the user's other own samples: it
     * is the user's own, judged from the unresampled persona, and the judge writes its rubric in the same generation.
     * Such samples differ only in index and seed; those shown in the same order share one prompt.
     */
    public static boolean sharesChainPrompt(SampleTask task) {
        return task.source() == SampleSource.SELF && task.personaSeed() == 0 && !task.rubricStep();
    }

    /**
     * The tasks grouped by the request that scores them: the samples that {@link #sharesChainPrompt share a chain
     * prompt} and are shown in the same order form one group, every other sample its own. Groups are listed in the
     * order of their first task; each holds task indices in plan order.
     */
    public static List<List<Integer>> requestGroups(List<SampleTask> tasks) {
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            SampleTask task = tasks.get(i);
            Object key = sharesChainPrompt(task) ? Boolean.valueOf(task.reversedOrder()) : Integer.valueOf(i);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return List.copyOf(groups.values());
    }

    /** Adds the sample, and with both orders its twin that shows the candidates reversed under the same seed. */
    private static void add(List<SampleTask> tasks, SampleTask task, boolean bothOrders) {
        tasks.add(task);
        if (bothOrders) {
            tasks.add(new SampleTask(task.source(), task.history(), task.sampleIndex(), task.seed(), task.itemSeed(),
                    task.personaSeed(), task.rubricStep(), true));
        }
    }

    static long seed(String base, SampleSource source, int index) {
        return seed(base + '/' + source + '/' + index);
    }

    /** One per evaluation, as the paper shuffles the candidates once per item for its own and neighbours' samples. */
    static long itemSeed(String base) {
        return seed(base + "/item");
    }

    private static long seed(String key) {
        CRC32C crc = new CRC32C();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        // Never 0: seed 0 means "the whole history" to backends that resample.
        return crc.getValue() + 1;
    }
}
