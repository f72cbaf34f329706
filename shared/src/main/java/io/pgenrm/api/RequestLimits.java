package io.pgenrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.prototype.PrototypeMatch;
import io.pgenrm.workflow.PopulationBuild;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The bound of every text, list and number a function takes, checked where a request comes in (docs/limits.md is
 * the table a user reads; a test holds it to {@link #TABLE}). A violation is an {@link InvalidInputException} that
 * names the field by its full path in the request, e.g. {@code history.pairs[3].chosen}. The bounds are far above
 * what the functions produce for each other, so a Step Functions run never trips them; they exist so that no
 * request can make a function work on, keep or send on more than it was built for.
 */
public final class RequestLimits {
    /** Identifiers: user, request, run, item and evaluation ids, history versions. */
    public static final int ID_CHARS = 256;
    /** A short free text: a criterion's name, a quote, a stated preference, a demographic value. */
    public static final int SHORT_TEXT_CHARS = 10_000;
    /** A long free text: a message, a response, a criterion's description, an error's cause. */
    public static final int TEXT_CHARS = 100_000;
    public static final int CONTEXT_MESSAGES = 256;
    public static final int HISTORY_PAIRS = 1_000;
    public static final int PROFILE_ITEMS = 256;
    public static final int DEMOGRAPHICS = 64;
    public static final int CRITERIA = 256;
    /** Samples of one evaluation: Ind-N plus Pro-M, each twice with both orders. */
    public static final int CHAINS = 4 * ScalingPlan.MAX_SAMPLES;
    public static final int PROTOTYPES = 1_000;

    /** Kind of a bounded value, and so what its bound counts. */
    public enum Kind { TEXT, LIST, MAP, INTEGER, NUMBER, ENUM, JSON }

    /** One row of the table: a field of a request type (by its JSON name) and its bound. */
    public record Limit(String type, String field, Kind kind, double min, double max, String bound) {
        public String key() {
            return type + "." + field;
        }
    }

    static final Limit USER_ID = text("UserHistory", "userId", ID_CHARS);
    static final Limit PAIRS = list("UserHistory", "pairs", 0, HISTORY_PAIRS);
    static final Limit PAIR_CONTEXT = list("PreferencePair", "context", 0, CONTEXT_MESSAGES);
    static final Limit PAIR_CHOSEN = text("PreferencePair", "chosen", TEXT_CHARS);
    static final Limit PAIR_REJECTED = text("PreferencePair", "rejected", TEXT_CHARS);
    static final Limit ROLE = text("Message", "role", 32);
    static final Limit CONTENT = text("Message", "content", TEXT_CHARS);
    static final Limit DEMOGRAPHIC = new Limit("UserProfile", "demographics", Kind.MAP, 0, DEMOGRAPHICS,
            "at most " + DEMOGRAPHICS + " entries; names at most " + ID_CHARS + " characters, values at most "
                    + format(SHORT_TEXT_CHARS) + " characters");
    static final Limit STATED = texts("UserProfile", "statedPreferences", PROFILE_ITEMS, SHORT_TEXT_CHARS);
    static final Limit FEEDBACK = texts("UserProfile", "feedback", PROFILE_ITEMS, SHORT_TEXT_CHARS);
    static final Limit SCENARIO_CONTEXT = list("Scenario", "context", 1, CONTEXT_MESSAGES);
    static final Limit CANDIDATES = new Limit("Scenario", "candidates", Kind.LIST, 2, Scenario.MAX_CANDIDATES,
            "2 to " + Scenario.MAX_CANDIDATES + " responses, each at most " + format(TEXT_CHARS) + " characters");
    static final Limit CRITERIA_LIST = list("Rubric", "criteria", 1, CRITERIA);
    static final Limit CRITERION_NAME = text("Criterion", "name", SHORT_TEXT_CHARS);
    static final Limit CRITERION_DESCRIPTION = text("Criterion", "description", TEXT_CHARS);
    static final Limit CRITERION_WEIGHT = new Limit("Criterion", "weight", Kind.NUMBER, 0, 100.5,
            "finite, 0 to 100; a rubric's weights sum to 100 (within 0.5)");
    static final Limit IND = integer("ScalingPlan", "ind", 0, ScalingPlan.MAX_SAMPLES);
    static final Limit PRO = integer("ScalingPlan", "pro", 0, ScalingPlan.MAX_SAMPLES);
    static final Limit SELF_WEIGHT = number("ScalingPlan", "selfWeight", 0, ScalingPlan.MAX_WEIGHT);
    static final Limit PROTOTYPE_WEIGHT = number("ScalingPlan", "prototypeWeight", 0, ScalingPlan.MAX_WEIGHT);
    static final Limit CALLS = atLeast("CallCost", "calls", 0);
    static final Limit PROMPT_TOKENS = atLeast("CallCost", "promptTokens", 0);
    static final Limit COMPLETION_TOKENS = atLeast("CallCost", "completionTokens", 0);
    static final Limit CACHED_CALLS = atLeast("CallCost", "cachedCalls", 0);
    static final Limit WALL_MILLIS = atLeast("CallCost", "wallMillis", 0);
    static final Limit CUT_OFF = atLeast("CallCost", "cutOffOutputs", 0);
    static final Limit RETRIES = atLeast("CallCost", "retries", 0);
    static final Limit SERVER_ERRORS = atLeast("CallCost", "serverErrors", 0);
    static final Limit RATE_LIMITED = atLeast("CallCost", "rateLimited", 0);
    static final Limit TIMEOUTS = atLeast("CallCost", "timeouts", 0);
    static final Limit RESAMPLES = atLeast("CallCost", "resamples", 0);
    static final Limit PERSONA_USER = text("PersonaRef", "userId", ID_CHARS);
    static final Limit PERSONA_VERSION = text("PersonaRef", "historyVersion", ID_CHARS);
    static final Limit PERSONA_SEED = seed("PersonaRef", "seed");
    static final Limit NEIGHBOUR_USER = text("NeighbourRef", "userId", ID_CHARS);
    static final Limit NEIGHBOUR_SIMILARITY = new Limit("NeighbourRef", "similarity", Kind.NUMBER, -1.01, 1.01,
            "a finite number, -1 to 1 (a cosine; 0.01 of slack for rounding)");
    static final Limit NEIGHBOUR_VERSION = text("NeighbourRef", "historyVersion", ID_CHARS);
    static final Limit JOB_SOURCE = enumeration("SampleJob", "source", SampleSource.values());
    static final Limit JOB_USER = text("SampleJob", "userId", ID_CHARS);
    static final Limit JOB_VERSION = text("SampleJob", "historyVersion", ID_CHARS);
    static final Limit JOB_PERSONA_SEED = seed("SampleJob", "personaSeed");
    static final Limit JOB_ITEM_SEED = seed("SampleJob", "itemSeed");
    static final Limit JOB_SAMPLES = list("SampleJob", "samples", 1, CHAINS);
    static final Limit SLOT = integer("SampleSlot", "slot", 0, CHAINS - 1);
    static final Limit SLOT_INDEX = integer("SampleSlot", "sampleIndex", 0, ScalingPlan.MAX_SAMPLES - 1);
    static final Limit SLOT_SEED = seed("SampleSlot", "seed");
    static final Limit ERROR_NAME = text("RecordItemRequest.StepError", "Error", ID_CHARS);
    static final Limit ERROR_CAUSE = text("RecordItemRequest.StepError", "Cause", TEXT_CHARS);
    static final Limit REQUEST_ID = text("EvaluateRequest", "requestId", ID_CHARS);
    static final Limit EVALUATE_USER = text("EvaluateRequest", "userId", ID_CHARS);
    static final Limit RESOLVE_USER = text("ResolveHistoryRequest", "userId", ID_CHARS);
    static final Limit INDUCE_USER = text("InduceStoredPersonaRequest", "userId", ID_CHARS);
    static final Limit INDUCE_VERSION = text("InduceStoredPersonaRequest", "historyVersion", ID_CHARS);
    static final Limit INDUCE_SEED = seed("InduceStoredPersonaRequest", "seed");
    static final Limit RUBRIC_SEED = seed("GenerateStoredRubricRequest", "seed");
    static final Limit MATCH_USER = text("MatchStoredPrototypeRequest", "userId", ID_CHARS);
    static final Limit MATCH_NEIGHBOURS = integer("MatchStoredPrototypeRequest", "neighbours", 0,
            ScalingPlan.MAX_SAMPLES);
    static final Limit PLAN_VERSION = text("PlanStoredSamplesRequest", "historyVersion", ID_CHARS);
    static final Limit PLAN_NEIGHBOURS = list("PlanStoredSamplesRequest", "neighbours", 0, ScalingPlan.MAX_SAMPLES);
    static final Limit SCORE_EVALUATION = text("ScoreStoredSamplesRequest", "evaluationId", ID_CHARS);
    static final Limit FAILURE_EVALUATION = text("RecordSampleFailureRequest", "evaluationId", ID_CHARS);
    static final Limit AGGREGATE_EVALUATION = text("AggregateStoredScoresRequest", "evaluationId", ID_CHARS);
    static final Limit AGGREGATE_USER = text("AggregateStoredScoresRequest", "userId", ID_CHARS);
    static final Limit CANDIDATE_COUNT = integer("AggregateStoredScoresRequest", "candidateCount", 2,
            Scenario.MAX_CANDIDATES);
    static final Limit AGGREGATE_PROTOTYPE = integer("AggregateStoredScoresRequest", "prototypeId",
            PrototypeMatch.NONE, PROTOTYPES - 1);
    static final Limit AGGREGATE_NEIGHBOURS = list("AggregateStoredScoresRequest", "neighbours", 0,
            ScalingPlan.MAX_SAMPLES);
    static final Limit AGGREGATE_SAMPLES = integer("AggregateStoredScoresRequest", "samples", 0, CHAINS);
    static final Limit STORED_EVALUATION = text("StoredEvaluationRequest", "evaluationId", ID_CHARS);
    static final Limit PREPARE_RUN = text("PrepareItemRequest", "runId", ID_CHARS);
    static final Limit PREPARE_INDEX = integer("PrepareItemRequest", "index", 0, Integer.MAX_VALUE);
    static final Limit ROW_USER = text("BenchmarkRow", "user_id", ID_CHARS);
    static final Limit ROW_SPLIT = text("BenchmarkRow", "split", 16);
    static final Limit ROW_CONTEXT = list("BenchmarkRow", "context", 0, CONTEXT_MESSAGES);
    static final Limit ROW_PROFILE = new Limit("BenchmarkRow", "profile", Kind.JSON, 0, TEXT_CHARS,
            "text or an object, at most " + format(TEXT_CHARS) + " characters as compact JSON");
    static final Limit RESPONSE_CONTENT = text("BenchmarkRow.Response", "content", TEXT_CHARS);
    static final Limit RECORD_RUN = text("RecordItemRequest", "runId", ID_CHARS);
    static final Limit RECORD_ITEM = text("RecordItemRequest", "itemId", ID_CHARS);
    static final Limit RECORD_USER = text("RecordItemRequest", "userId", ID_CHARS);
    static final Limit EXPECTED_CHOICE = integer("RecordItemRequest", "expectedChoice", -1,
            Scenario.MAX_CANDIDATES - 1);
    static final Limit RECORD_EVALUATION = text("RecordItemRequest", "evaluationId", ID_CHARS);
    static final Limit REGISTER_RUN = text("RegisterHistoryRowRequest", "runId", ID_CHARS);
    static final Limit REGISTER_INDEX = integer("RegisterHistoryRowRequest", "index", 0, Integer.MAX_VALUE);
    static final Limit BUILD_RUN = text("BuildPopulationRequest", "runId", ID_CHARS);
    static final Limit BUILD_PROTOTYPES = integer("BuildPopulationRequest", "prototypes", 0, PROTOTYPES);
    static final Limit BATCH_BUILD = atLeast("PopulationBatchRequest", "buildId", 1);
    static final Limit BATCH = integer("PopulationBatchRequest", "batch", 0, PopulationBuild.MAX_BATCHES - 1);
    static final Limit BUILD = atLeast("PopulationBuildRequest", "buildId", 1);

    /** Every bound, in the order of docs/limits.md. */
    public static final List<Limit> TABLE = List.of(USER_ID, PAIRS, PAIR_CONTEXT, PAIR_CHOSEN, PAIR_REJECTED, ROLE,
            CONTENT, DEMOGRAPHIC, STATED, FEEDBACK, SCENARIO_CONTEXT, CANDIDATES, CRITERIA_LIST, CRITERION_NAME,
            CRITERION_DESCRIPTION, CRITERION_WEIGHT, IND, PRO, SELF_WEIGHT, PROTOTYPE_WEIGHT, CALLS, PROMPT_TOKENS,
            COMPLETION_TOKENS, CACHED_CALLS, WALL_MILLIS, CUT_OFF, RETRIES, SERVER_ERRORS, RATE_LIMITED, TIMEOUTS,
            RESAMPLES, PERSONA_USER, PERSONA_VERSION, PERSONA_SEED, NEIGHBOUR_USER, NEIGHBOUR_SIMILARITY,
            NEIGHBOUR_VERSION, JOB_SOURCE, JOB_USER, JOB_VERSION, JOB_PERSONA_SEED, JOB_ITEM_SEED, JOB_SAMPLES, SLOT,
            SLOT_INDEX, SLOT_SEED, ERROR_NAME, ERROR_CAUSE, REQUEST_ID, EVALUATE_USER, RESOLVE_USER, INDUCE_USER,
            INDUCE_VERSION, INDUCE_SEED, RUBRIC_SEED, MATCH_USER, MATCH_NEIGHBOURS, PLAN_VERSION, PLAN_NEIGHBOURS,
            SCORE_EVALUATION, FAILURE_EVALUATION, AGGREGATE_EVALUATION, AGGREGATE_USER, CANDIDATE_COUNT,
            AGGREGATE_PROTOTYPE, AGGREGATE_NEIGHBOURS, AGGREGATE_SAMPLES, STORED_EVALUATION, PREPARE_RUN,
            PREPARE_INDEX, ROW_USER, ROW_SPLIT, ROW_CONTEXT, ROW_PROFILE, RESPONSE_CONTENT, RECORD_RUN, RECORD_ITEM,
            RECORD_USER, EXPECTED_CHOICE, RECORD_EVALUATION, REGISTER_RUN, REGISTER_INDEX, BUILD_RUN,
            BUILD_PROTOTYPES, BATCH_BUILD, BATCH, BUILD);

    /** The checks of each function input type (and of {@code evaluate}'s request, also nested in others). */
    private static final Map<Class<?>, Consumer<Object>> CHECKS = Map.ofEntries(
            checks(EvaluateRequest.class, r -> evaluate(r, "")),
            checks(ResolveHistoryRequest.class, r -> {
                text(RESOLVE_USER, r.userId(), "userId");
                if (r.history() != null) {
                    history(r.history(), "history");
                }
            }),
            checks(InduceStoredPersonaRequest.class, r -> {
                text(INDUCE_USER, r.userId(), "userId");
                text(INDUCE_VERSION, r.historyVersion(), "historyVersion");
            }),
            checks(GenerateStoredRubricRequest.class, r -> {
                persona(r.persona(), "persona");
                scenario(r.scenario(), "scenario");
            }),
            checks(MatchStoredPrototypeRequest.class, r -> {
                text(MATCH_USER, r.userId(), "userId");
                integer(MATCH_NEIGHBOURS, r.neighbours(), "neighbours");
                if (r.persona() != null) {
                    persona(r.persona(), "persona");
                }
            }),
            checks(PlanStoredSamplesRequest.class, r -> {
                evaluate(r.request(), "request.");
                text(PLAN_VERSION, r.historyVersion(), "historyVersion");
                neighbours(PLAN_NEIGHBOURS, r.neighbours(), "neighbours");
            }),
            checks(ScoreStoredSamplesRequest.class, r -> {
                text(SCORE_EVALUATION, r.evaluationId(), "evaluationId");
                job(r.job(), "job");
                persona(r.persona(), "persona");
                if (r.rubric() != null) {
                    rubric(r.rubric(), "rubric");
                }
                scenario(r.scenario(), "scenario");
                cost(r.spent(), "spent");
            }),
            checks(RecordSampleFailureRequest.class, r -> {
                text(FAILURE_EVALUATION, r.evaluationId(), "evaluationId");
                job(r.job(), "job");
                stepError(r.error(), "error");
            }),
            checks(AggregateStoredScoresRequest.class, RequestLimits::aggregate),
            checks(StoredEvaluationRequest.class, r -> text(STORED_EVALUATION, r.evaluationId(), "evaluationId")),
            checks(PrepareItemRequest.class, r -> {
                text(PREPARE_RUN, r.runId(), "runId");
                row(r.row(), "row");
                scaling(r.scaling(), "scaling");
            }),
            checks(RecordItemRequest.class, RequestLimits::record),
            checks(RegisterHistoryRowRequest.class, r -> {
                text(REGISTER_RUN, r.runId(), "runId");
                row(r.row(), "row");
            }),
            checks(BuildPopulationRequest.class, r -> {
                text(BUILD_RUN, r.runId(), "runId");
                integer(BUILD_PROTOTYPES, r.prototypes(), "prototypes");
            }),
            checks(PopulationBatchRequest.class, r -> {
                integer(BATCH_BUILD, r.buildId(), "buildId");
                integer(BATCH, r.batch(), "batch");
            }),
            checks(PopulationBuildRequest.class, r -> integer(BUILD, r.buildId(), "buildId")));

    private RequestLimits() {
    }

    /** The request types {@link #check} knows: a function whose input is not among them takes unbounded input. */
    public static Set<Class<?>> requestTypes() {
        return CHECKS.keySet();
    }

    /**
     * Checks a function's input against every bound, and what the functions rely on beyond the records' own checks
     * (a neighbour names its user and the stored history its samples are judged from). A type that is not one of
     * {@link #requestTypes()} has nothing to check.
     *
     * @throws InvalidInputException naming the first field out of bounds
     */
    public static void check(Object request) {
        Consumer<Object> checks = request == null ? null : CHECKS.get(request.getClass());
        if (checks != null) {
            checks.accept(request);
        }
    }

    private static <T> Map.Entry<Class<?>, Consumer<Object>> checks(Class<T> type, Consumer<T> checks) {
        return Map.entry(type, request -> checks.accept(type.cast(request)));
    }

    private static void evaluate(EvaluateRequest r, String at) {
        text(REQUEST_ID, r.requestId(), at + "requestId");
        text(EVALUATE_USER, r.userId(), at + "userId");
        if (r.history() != null) {
            history(r.history(), at + "history");
        }
        scenario(r.scenario(), at + "scenario");
        scaling(r.scaling(), at + "scaling");
    }

    private static void history(UserHistory h, String at) {
        text(USER_ID, h.userId(), at + ".userId");
        size(PAIRS, h.pairs(), at + ".pairs");
        for (int i = 0; i < h.pairs().size(); i++) {
            PreferencePair pair = h.pairs().get(i);
            String where = at + ".pairs[" + i + "]";
            messages(PAIR_CONTEXT, pair.context(), where + ".context");
            text(PAIR_CHOSEN, pair.chosen(), where + ".chosen");
            text(PAIR_REJECTED, pair.rejected(), where + ".rejected");
        }
        profile(h.profile(), at + ".profile");
    }

    private static void profile(UserProfile p, String at) {
        map(DEMOGRAPHIC, p.demographics(), at + ".demographics");
        for (Map.Entry<String, String> e : p.demographics().entrySet()) {
            textWithin(SHORT_TEXT_CHARS, DEMOGRAPHIC, e.getValue(), at + ".demographics." + e.getKey());
        }
        texts(STATED, p.statedPreferences(), at + ".statedPreferences");
        texts(FEEDBACK, p.feedback(), at + ".feedback");
    }

    private static void messages(Limit limit, List<Message> messages, String at) {
        size(limit, messages, at);
        for (int i = 0; i < messages.size(); i++) {
            text(ROLE, messages.get(i).role(), at + "[" + i + "].role");
            text(CONTENT, messages.get(i).content(), at + "[" + i + "].content");
        }
    }

    private static void scenario(Scenario s, String at) {
        messages(SCENARIO_CONTEXT, s.context(), at + ".context");
        for (int i = 0; i < s.candidates().size(); i++) {
            textWithin(TEXT_CHARS, CANDIDATES, s.candidates().get(i), at + ".candidates[" + i + "]");
        }
    }

    private static void rubric(Rubric r, String at) {
        size(CRITERIA_LIST, r.criteria(), at + ".criteria");
        for (int i = 0; i < r.criteria().size(); i++) {
            Criterion c = r.criteria().get(i);
            String where = at + ".criteria[" + i + "]";
            text(CRITERION_NAME, c.name(), where + ".name");
            text(CRITERION_DESCRIPTION, c.description(), where + ".description");
            number(CRITERION_WEIGHT, c.weight(), where + ".weight");
        }
    }

    private static void scaling(ScalingPlan s, String at) {
        integer(IND, s.ind(), at + ".ind");
        integer(PRO, s.pro(), at + ".pro");
        number(SELF_WEIGHT, s.selfWeight(), at + ".selfWeight");
        number(PROTOTYPE_WEIGHT, s.prototypeWeight(), at + ".prototypeWeight");
    }

    private static void persona(PersonaRef p, String at) {
        text(PERSONA_USER, p.userId(), at + ".userId");
        text(PERSONA_VERSION, p.historyVersion(), at + ".historyVersion");
    }

    private static void neighbours(Limit limit, List<NeighbourRef> neighbours, String at) {
        size(limit, neighbours, at);
        for (int i = 0; i < neighbours.size(); i++) {
            NeighbourRef n = neighbours.get(i);
            String where = at + "[" + i + "]";
            text(NEIGHBOUR_USER, n.userId(), where + ".userId");
            require(n.userId() != null && !n.userId().isBlank(), where + ".userId", "must not be blank");
            number(NEIGHBOUR_SIMILARITY, n.similarity(), where + ".similarity");
            text(NEIGHBOUR_VERSION, n.historyVersion(), where + ".historyVersion");
            require(n.historyVersion() != null && !n.historyVersion().isBlank(), where + ".historyVersion",
                    "must not be blank: a Pro-M sample is judged from the history stored under it");
        }
    }

    private static void job(SampleJob job, String at) {
        text(JOB_USER, job.userId(), at + ".userId");
        text(JOB_VERSION, job.historyVersion(), at + ".historyVersion");
        size(JOB_SAMPLES, job.samples(), at + ".samples");
        for (int i = 0; i < job.samples().size(); i++) {
            SampleSlot slot = job.samples().get(i);
            String where = at + ".samples[" + i + "]";
            integer(SLOT, slot.slot(), where + ".slot");
            integer(SLOT_INDEX, slot.sampleIndex(), where + ".sampleIndex");
        }
    }

    private static void aggregate(AggregateStoredScoresRequest r) {
        text(AGGREGATE_EVALUATION, r.evaluationId(), "evaluationId");
        text(AGGREGATE_USER, r.userId(), "userId");
        integer(CANDIDATE_COUNT, r.candidateCount(), "candidateCount");
        scaling(r.scaling(), "scaling");
        integer(AGGREGATE_PROTOTYPE, r.prototypeId(), "prototypeId");
        neighbours(AGGREGATE_NEIGHBOURS, r.neighbours(), "neighbours");
        integer(AGGREGATE_SAMPLES, r.samples(), "samples");
        cost(r.selfCost(), "selfCost");
    }

    private static void cost(CallCost cost, String at) {
        integer(CALLS, cost.calls(), at + ".calls");
        integer(PROMPT_TOKENS, cost.promptTokens(), at + ".promptTokens");
        integer(COMPLETION_TOKENS, cost.completionTokens(), at + ".completionTokens");
        integer(CACHED_CALLS, cost.cachedCalls(), at + ".cachedCalls");
        integer(WALL_MILLIS, cost.wallMillis(), at + ".wallMillis");
        integer(CUT_OFF, cost.cutOffOutputs(), at + ".cutOffOutputs");
        integer(RETRIES, cost.retries(), at + ".retries");
        integer(SERVER_ERRORS, cost.serverErrors(), at + ".serverErrors");
        integer(RATE_LIMITED, cost.rateLimited(), at + ".rateLimited");
        integer(TIMEOUTS, cost.timeouts(), at + ".timeouts");
        integer(RESAMPLES, cost.resamples(), at + ".resamples");
    }

    private static void stepError(RecordItemRequest.StepError error, String at) {
        text(ERROR_NAME, error.Error(), at + ".Error");
        text(ERROR_CAUSE, error.Cause(), at + ".Cause");
    }

    private static void row(BenchmarkRow row, String at) {
        text(ROW_USER, row.userId(), at + ".user_id");
        text(ROW_SPLIT, row.split(), at + ".split");
        if (row.context() != null) {
            messages(ROW_CONTEXT, row.context(), at + ".context");
        }
        if (row.chosen() != null) {
            text(RESPONSE_CONTENT, row.chosen().content(), at + ".chosen.content");
        }
        if (row.rejected() != null) {
            text(RESPONSE_CONTENT, row.rejected().content(), at + ".rejected.content");
        }
        JsonNode profile = row.profile();
        if (profile != null && !profile.isNull()) {
            require(profile.isTextual() || profile.isObject(), at + ".profile", "must be text or an object");
            require((profile.isTextual() ? profile.asText() : profile.toString()).length() <= ROW_PROFILE.max(),
                    at + ".profile", ROW_PROFILE.bound());
        }
    }

    private static void record(RecordItemRequest r) {
        text(RECORD_RUN, r.runId(), "runId");
        text(RECORD_ITEM, r.itemId(), "itemId");
        text(RECORD_USER, r.userId(), "userId");
        integer(EXPECTED_CHOICE, r.expectedChoice(), "expectedChoice");
        scaling(r.scaling(), "scaling");
        text(RECORD_EVALUATION, r.evaluationId(), "evaluationId");
        if (r.error() != null) {
            stepError(r.error(), "error");
        }
    }

    private static void texts(Limit limit, List<String> texts, String at) {
        size(limit, texts, at);
        for (int i = 0; i < texts.size(); i++) {
            textWithin(SHORT_TEXT_CHARS, limit, texts.get(i), at + "[" + i + "]");
        }
    }

    private static void text(Limit limit, String value, String at) {
        require(value == null || value.length() <= limit.max(), at, limit.bound());
    }

    private static void textWithin(int maxChars, Limit limit, String value, String at) {
        require(value == null || value.length() <= maxChars, at, "must be at most " + format(maxChars)
                + " characters (" + limit.key() + ": " + limit.bound() + ")");
    }

    private static void size(Limit limit, List<?> list, String at) {
        require(list.size() >= limit.min() && list.size() <= limit.max(), at, limit.bound() + ", got " + list.size());
        for (int i = 0; i < list.size(); i++) {
            require(list.get(i) != null, at + "[" + i + "]", "must not be null");
        }
    }

    private static void map(Limit limit, Map<String, ?> map, String at) {
        require(map.size() <= limit.max(), at, limit.bound() + ", got " + map.size() + " entries");
        for (String name : map.keySet()) {
            require(name.length() <= ID_CHARS, at, "must have names of at most " + ID_CHARS + " characters");
        }
    }

    private static void integer(Limit limit, long value, String at) {
        require(value >= limit.min() && value <= limit.max(), at, limit.bound() + ", got " + value);
    }

    private static void number(Limit limit, double value, String at) {
        numberWithin(limit, value, limit.min(), limit.max(), at);
    }

    private static void numberWithin(Limit limit, Double value, double min, double max, String at) {
        require(value != null && Double.isFinite(value) && value >= min && value <= max, at,
                "must be a finite number, " + range(min, max) + ", got " + value);
    }

    private static void require(boolean ok, String at, String problem) {
        if (!ok) {
            throw new InvalidInputException(at, problem.startsWith("must") || problem.startsWith("is ")
                    ? problem : "must be " + problem);
        }
    }

    private static Limit text(String type, String field, int maxChars) {
        return new Limit(type, field, Kind.TEXT, 0, maxChars, "at most " + format(maxChars) + " characters");
    }

    private static Limit texts(String type, String field, int maxItems, int maxChars) {
        return new Limit(type, field, Kind.LIST, 0, maxItems,
                "at most " + maxItems + " items, each at most " + format(maxChars) + " characters");
    }

    private static Limit list(String type, String field, int minItems, int maxItems) {
        return new Limit(type, field, Kind.LIST, minItems, maxItems, minItems == 0
                ? "at most " + format(maxItems) + " items" : minItems + " to " + format(maxItems) + " items");
    }

    private static Limit integer(String type, String field, long min, long max) {
        return new Limit(type, field, Kind.INTEGER, min, max, "an integer, " + range(min, max));
    }

    private static Limit atLeast(String type, String field, long min) {
        return new Limit(type, field, Kind.INTEGER, min, Long.MAX_VALUE, "an integer, " + min + " or more");
    }

    private static Limit seed(String type, String field) {
        return new Limit(type, field, Kind.INTEGER, Long.MIN_VALUE, Long.MAX_VALUE, "any 64-bit integer");
    }

    private static Limit number(String type, String field, double min, double max) {
        return new Limit(type, field, Kind.NUMBER, min, max, "a finite number, " + range(min, max));
    }

    private static Limit enumeration(String type, String field, Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return new Limit(type, field, Kind.ENUM, 0, values.length - 1, "one of " + String.join(", ", names));
    }

    private static String range(double min, double max) {
        return format(min) + " to " + format(max);
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return Double.toString(value);
    }
}
