package io.pgenrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.prototype.Neighbour;
import io.pgenrm.prototype.PrototypeMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bound of every text, list and number a function takes, checked where a request comes in (docs/limits.md is
 * the table a user reads; a test holds it to {@link #TABLE}). A violation is an {@link InvalidInputException} that
 * names the field by its full path in the request, e.g. {@code history.pairs[3].chosen}. The bounds are far above
 * what the functions produce for each other, so a Step Functions run never trips them; they exist so that no
 * request can make a function work on, keep or send on more than it was built for.
 */
public final class RequestLimits {
    /** Identifiers: user, request, run and item ids, history versions. */
    public static final int ID_CHARS = 256;
    /** A short free text: a criterion's name, a trait, a quote, a stated preference, a demographic value. */
    public static final int SHORT_TEXT_CHARS = 10_000;
    /** A long free text: a message, a response, an analysis, a judge's output. */
    public static final int TEXT_CHARS = 100_000;
    public static final int CONTEXT_MESSAGES = 256;
    public static final int HISTORY_PAIRS = 1_000;
    public static final int PROFILE_ITEMS = 256;
    public static final int DEMOGRAPHICS = 64;
    public static final int TRAITS = 256;
    public static final int EVIDENCE = 256;
    public static final int FEATURE_WEIGHTS = 256;
    public static final int EMBEDDING_VALUES = 4_096;
    public static final int CRITERIA = 256;
    /** Ind-N plus Pro-M samples, each twice with both orders. */
    public static final int CHAINS = 4 * ScalingPlan.MAX_SAMPLES;
    public static final int PROTOTYPES = 1_000;
    /** A per-criterion score is 1-10; a total may come down to 0; a rubric's weights may sum to 100.5. */
    public static final double MAX_TOTAL = 10.1;
    public static final double MAX_MAGNITUDE = 1_000_000;

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
    static final Limit PERSONA_USER = text("Persona", "userId", ID_CHARS);
    static final Limit HISTORY_VERSION = text("Persona", "historyVersion", ID_CHARS);
    static final Limit PERSONA_SEED = seed("Persona");
    static final Limit ANALYSIS = text("Persona", "analysis", TEXT_CHARS);
    static final Limit TRAIT_LIST = list("Persona", "traits", 0, TRAITS);
    static final Limit FEATURE_WEIGHT = new Limit("Persona", "featureWeights", Kind.MAP, 0, FEATURE_WEIGHTS,
            "at most " + FEATURE_WEIGHTS + " entries; names at most " + ID_CHARS + " characters, values finite, "
                    + range(-MAX_MAGNITUDE, MAX_MAGNITUDE));
    static final Limit EMBEDDING = new Limit("Persona", "embedding", Kind.LIST, 0, EMBEDDING_VALUES,
            "at most " + format(EMBEDDING_VALUES) + " numbers, each finite, " + range(-MAX_MAGNITUDE, MAX_MAGNITUDE));
    static final Limit DIMENSION = enumeration("PersonaTrait", "dimension", PersonaTrait.Dimension.values());
    static final Limit STATEMENT = text("PersonaTrait", "statement", SHORT_TEXT_CHARS);
    static final Limit STRENGTH = number("PersonaTrait", "strength", 0, 1);
    static final Limit EVIDENCE_LIST = texts("PersonaTrait", "evidence", EVIDENCE, SHORT_TEXT_CHARS);
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
    static final Limit INDUCE_SEED = seed("InducePersonaRequest");
    static final Limit RUBRIC_SEED = seed("GenerateRubricRequest");
    static final Limit SOURCE = enumeration("ScoreSampleRequest", "source", io.pgenrm.domain.SampleSource.values());
    static final Limit SAMPLE_INDEX = integer("ScoreSampleRequest", "sampleIndex", 0, ScalingPlan.MAX_SAMPLES - 1);
    static final Limit SAMPLE_SEED = seed("ScoreSampleRequest");
    static final Limit ITEM_SEED = new Limit("ScoreSampleRequest", "itemSeed", Kind.INTEGER, Long.MIN_VALUE,
            Long.MAX_VALUE, "any 64-bit integer");
    static final Limit MATCH_USER = text("MatchPrototypeRequest", "userId", ID_CHARS);
    static final Limit MATCH_NEIGHBOURS = integer("MatchPrototypeRequest", "neighbours", 0, ScalingPlan.MAX_SAMPLES);
    static final Limit REQUEST_ID = text("EvaluateRequest", "requestId", ID_CHARS);
    static final Limit EVALUATE_USER = text("EvaluateRequest", "userId", ID_CHARS);
    static final Limit PROTOTYPE_ID = integer("PrototypeMatch", "prototypeId", PrototypeMatch.NONE, PROTOTYPES - 1);
    static final Limit MATCH_SIMILARITY = similarity("PrototypeMatch");
    static final Limit MATCH_NEIGHBOUR_LIST = list("PrototypeMatch", "neighbours", 0, ScalingPlan.MAX_SAMPLES);
    static final Limit NEIGHBOUR_USER = text("Neighbour", "userId", ID_CHARS);
    static final Limit NEIGHBOUR_SIMILARITY = similarity("Neighbour");
    static final Limit AGGREGATE_USER = text("AggregateScoresRequest", "userId", ID_CHARS);
    static final Limit CANDIDATE_COUNT = integer("AggregateScoresRequest", "candidateCount", 2,
            Scenario.MAX_CANDIDATES);
    static final Limit CHAIN_LIST = list("AggregateScoresRequest", "chains", 0, CHAINS);
    static final Limit AGGREGATE_PROTOTYPE = integer("AggregateScoresRequest", "prototypeId", PrototypeMatch.NONE,
            PROTOTYPES - 1);
    static final Limit AGGREGATE_NEIGHBOURS = ids("AggregateScoresRequest", "neighbours", ScalingPlan.MAX_SAMPLES);
    static final Limit CHAIN_SOURCE = enumeration("EvaluationChain", "source", io.pgenrm.domain.SampleSource.values());
    static final Limit CHAIN_USER = text("EvaluationChain", "personaUserId", ID_CHARS);
    static final Limit CHAIN_INDEX = integer("EvaluationChain", "sampleIndex", 0, ScalingPlan.MAX_SAMPLES - 1);
    static final Limit CHAIN_SEED = seed("EvaluationChain");
    static final Limit CHAIN_SCORES = list("EvaluationChain", "scores", 0, Scenario.MAX_CANDIDATES);
    static final Limit CHAIN_STATUS = enumeration("EvaluationChain", "status", ChainStatus.values());
    static final Limit CHAIN_ERROR = text("EvaluationChain", "error", TEXT_CHARS);
    static final Limit RAW_OUTPUT = text("EvaluationChain", "rawOutput", TEXT_CHARS);
    static final Limit SCORE_CANDIDATE = integer("CandidateScore", "candidate", 0, Scenario.MAX_CANDIDATES - 1);
    static final Limit CRITERION_SCORES = new Limit("CandidateScore", "criterionScores", Kind.LIST, 0, CRITERIA,
            "at most " + CRITERIA + " numbers, each finite, " + range(0, 10));
    static final Limit SCORE_TOTAL = number("CandidateScore", "total", 0, MAX_TOTAL);
    static final Limit CALLS = count("CallCost", "calls");
    static final Limit PROMPT_TOKENS = count("CallCost", "promptTokens");
    static final Limit COMPLETION_TOKENS = count("CallCost", "completionTokens");
    static final Limit CACHED_CALLS = count("CallCost", "cachedCalls");
    static final Limit WALL_MILLIS = count("CallCost", "wallMillis");
    static final Limit CUT_OFF = count("CallCost", "cutOffOutputs");
    static final Limit RETRIES = count("CallCost", "retries");
    static final Limit SERVER_ERRORS = count("CallCost", "serverErrors");
    static final Limit RATE_LIMITED = count("CallCost", "rateLimited");
    static final Limit TIMEOUTS = count("CallCost", "timeouts");
    static final Limit RESAMPLES = count("CallCost", "resamples");
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
    static final Limit EVALUATION_ID = text("RecordItemRequest", "evaluationId", ID_CHARS);
    static final Limit ERROR_NAME = text("RecordItemRequest.StepError", "Error", ID_CHARS);
    static final Limit ERROR_CAUSE = text("RecordItemRequest.StepError", "Cause", TEXT_CHARS);
    static final Limit REGISTER_RUN = text("RegisterHistoryRowRequest", "runId", ID_CHARS);
    static final Limit REGISTER_INDEX = integer("RegisterHistoryRowRequest", "index", 0, Integer.MAX_VALUE);
    static final Limit BUILD_RUN = text("BuildPopulationRequest", "runId", ID_CHARS);
    static final Limit BUILD_PROTOTYPES = integer("BuildPopulationRequest", "prototypes", 0, PROTOTYPES);

    /** Every bound, in the order of docs/limits.md. */
    public static final List<Limit> TABLE = List.of(USER_ID, PAIRS, PAIR_CONTEXT, PAIR_CHOSEN, PAIR_REJECTED, ROLE,
            CONTENT, DEMOGRAPHIC, STATED, FEEDBACK, PERSONA_USER, HISTORY_VERSION, PERSONA_SEED, ANALYSIS, TRAIT_LIST,
            FEATURE_WEIGHT, EMBEDDING, DIMENSION, STATEMENT, STRENGTH, EVIDENCE_LIST, SCENARIO_CONTEXT, CANDIDATES,
            CRITERIA_LIST, CRITERION_NAME, CRITERION_DESCRIPTION, CRITERION_WEIGHT, IND, PRO, SELF_WEIGHT,
            PROTOTYPE_WEIGHT, INDUCE_SEED, RUBRIC_SEED, SOURCE, SAMPLE_INDEX, SAMPLE_SEED, ITEM_SEED, MATCH_USER,
            MATCH_NEIGHBOURS, REQUEST_ID, EVALUATE_USER, PROTOTYPE_ID, MATCH_SIMILARITY, MATCH_NEIGHBOUR_LIST,
            NEIGHBOUR_USER, NEIGHBOUR_SIMILARITY, AGGREGATE_USER, CANDIDATE_COUNT, CHAIN_LIST, AGGREGATE_PROTOTYPE,
            AGGREGATE_NEIGHBOURS, CHAIN_SOURCE, CHAIN_USER, CHAIN_INDEX, CHAIN_SEED, CHAIN_SCORES, CHAIN_STATUS,
            CHAIN_ERROR, RAW_OUTPUT, SCORE_CANDIDATE, CRITERION_SCORES, SCORE_TOTAL, CALLS, PROMPT_TOKENS,
            COMPLETION_TOKENS, CACHED_CALLS, WALL_MILLIS, CUT_OFF, RETRIES, SERVER_ERRORS, RATE_LIMITED, TIMEOUTS, RESAMPLES, PREPARE_RUN, PREPARE_INDEX, ROW_USER, ROW_SPLIT,
            ROW_CONTEXT, ROW_PROFILE, RESPONSE_CONTENT, RECORD_RUN, RECORD_ITEM, RECORD_USER, EXPECTED_CHOICE,
            EVALUATION_ID, ERROR_NAME, ERROR_CAUSE, REGISTER_RUN, REGISTER_INDEX, BUILD_RUN, BUILD_PROTOTYPES);

    private RequestLimits() {
    }

    /**
     * Checks a function's input against every bound, and the agreements between fields that the functions rely on
     * (an OK chain scores every candidate once; a scored, untied result names its choice).
     *
     * @throws InvalidInputException naming the first field out of bounds
     */
    public static void check(Object request) {
        if (request instanceof InducePersonaRequest r) {
            history(r.history(), "history");
        } else if (request instanceof GenerateRubricRequest r) {
            persona(r.persona(), "persona");
            scenario(r.scenario(), "scenario");
        } else if (request instanceof ScoreSampleRequest r) {
            persona(r.persona(), "persona");
            if (r.history() != null) {
                history(r.history(), "history");
            }
            if (r.rubric() != null) {
                rubric(r.rubric(), "rubric");
            }
            scenario(r.scenario(), "scenario");
            integer(SAMPLE_INDEX, r.sampleIndex(), "sampleIndex");
        } else if (request instanceof MatchPrototypeRequest r) {
            text(MATCH_USER, r.userId(), "userId");
            integer(MATCH_NEIGHBOURS, r.neighbours(), "neighbours");
            if (r.persona() != null) {
                persona(r.persona(), "persona");
            }
        } else if (request instanceof PlanSamplesRequest r) {
            evaluate(r.request(), "request.");
            match(r.match(), "match");
        } else if (request instanceof AggregateScoresRequest r) {
            aggregate(r);
        } else if (request instanceof EvaluateRequest r) {
            evaluate(r, "");
        } else if (request instanceof PrepareItemRequest r) {
            text(PREPARE_RUN, r.runId(), "runId");
            row(r.row(), "row");
            scaling(r.scaling(), "scaling");
        } else if (request instanceof RecordItemRequest r) {
            record(r);
        } else if (request instanceof RegisterHistoryRowRequest r) {
            text(REGISTER_RUN, r.runId(), "runId");
            row(r.row(), "row");
        } else if (request instanceof BuildPopulationRequest r) {
            text(BUILD_RUN, r.runId(), "runId");
            integer(BUILD_PROTOTYPES, r.prototypes(), "prototypes");
        }
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

    private static void persona(Persona p, String at) {
        text(PERSONA_USER, p.userId(), at + ".userId");
        text(HISTORY_VERSION, p.historyVersion(), at + ".historyVersion");
        text(ANALYSIS, p.analysis(), at + ".analysis");
        size(TRAIT_LIST, p.traits(), at + ".traits");
        for (int i = 0; i < p.traits().size(); i++) {
            PersonaTrait trait = p.traits().get(i);
            String where = at + ".traits[" + i + "]";
            text(STATEMENT, trait.statement(), where + ".statement");
            number(STRENGTH, trait.strength(), where + ".strength");
            texts(EVIDENCE_LIST, trait.evidence(), where + ".evidence");
        }
        map(FEATURE_WEIGHT, p.featureWeights(), at + ".featureWeights");
        for (Map.Entry<String, Double> e : p.featureWeights().entrySet()) {
            numberWithin(FEATURE_WEIGHT, e.getValue(), -MAX_MAGNITUDE, MAX_MAGNITUDE,
                    at + ".featureWeights." + e.getKey());
        }
        size(EMBEDDING, p.embedding(), at + ".embedding");
        for (int i = 0; i < p.embedding().size(); i++) {
            numberWithin(EMBEDDING, p.embedding().get(i), -MAX_MAGNITUDE, MAX_MAGNITUDE,
                    at + ".embedding[" + i + "]");
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

    private static void match(PrototypeMatch m, String at) {
        integer(PROTOTYPE_ID, m.prototypeId(), at + ".prototypeId");
        number(MATCH_SIMILARITY, m.similarity(), at + ".similarity");
        size(MATCH_NEIGHBOUR_LIST, m.neighbours(), at + ".neighbours");
        for (int i = 0; i < m.neighbours().size(); i++) {
            Neighbour n = m.neighbours().get(i);
            String where = at + ".neighbours[" + i + "]";
            text(NEIGHBOUR_USER, n.userId(), where + ".userId");
            require(n.userId() != null && !n.userId().isBlank(), where + ".userId", "must not be blank");
            number(NEIGHBOUR_SIMILARITY, n.similarity(), where + ".similarity");
            require(n.history() != null, where + ".history", "is required: a Pro-M sample is judged from it");
            history(n.history(), where + ".history");
        }
    }

    private static void aggregate(AggregateScoresRequest r) {
        text(AGGREGATE_USER, r.userId(), "userId");
        integer(CANDIDATE_COUNT, r.candidateCount(), "candidateCount");
        scaling(r.scaling(), "scaling");
        chains(CHAIN_LIST, r.chains(), r.candidateCount(), "chains");
        integer(AGGREGATE_PROTOTYPE, r.prototypeId(), "prototypeId");
        ids(AGGREGATE_NEIGHBOURS, r.neighbours(), "neighbours");
    }

    private static void chains(Limit limit, List<EvaluationChain> chains, int candidateCount, String at) {
        size(limit, chains, at);
        for (int i = 0; i < chains.size(); i++) {
            chain(chains.get(i), candidateCount, at + "[" + i + "]");
        }
    }

    private static void chain(EvaluationChain c, int candidateCount, String at) {
        text(CHAIN_USER, c.personaUserId(), at + ".personaUserId");
        integer(CHAIN_INDEX, c.sampleIndex(), at + ".sampleIndex");
        if (c.persona() != null) {
            persona(c.persona(), at + ".persona");
        }
        if (c.rubric() != null) {
            rubric(c.rubric(), at + ".rubric");
        }
        size(CHAIN_SCORES, c.scores(), at + ".scores");
        boolean[] scored = new boolean[Scenario.MAX_CANDIDATES];
        for (int i = 0; i < c.scores().size(); i++) {
            CandidateScore score = c.scores().get(i);
            String where = at + ".scores[" + i + "]";
            integer(SCORE_CANDIDATE, score.candidate(), where + ".candidate");
            require(score.candidate() < candidateCount, where + ".candidate",
                    "must be below candidateCount (" + candidateCount + ")");
            require(!scored[score.candidate()], where + ".candidate", "must not repeat candidate "
                    + score.candidate());
            scored[score.candidate()] = true;
            size(CRITERION_SCORES, score.criterionScores(), where + ".criterionScores");
            for (int k = 0; k < score.criterionScores().size(); k++) {
                numberWithin(CRITERION_SCORES, score.criterionScores().get(k), 0, 10,
                        where + ".criterionScores[" + k + "]");
            }
            number(SCORE_TOTAL, score.total(), where + ".total");
        }
        if (c.status() == ChainStatus.OK) {
            require(c.scores().size() == candidateCount, at + ".scores",
                    "must score every candidate in an OK chain: " + candidateCount + " expected, got "
                            + c.scores().size());
        }
        text(CHAIN_ERROR, c.error(), at + ".error");
        text(RAW_OUTPUT, c.rawOutput(), at + ".rawOutput");
        cost(c.cost(), at + ".cost");
    }

    private static void cost(CallCost cost, String at) {
        if (cost == null) {
            return;
        }
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
        if (r.error() != null) {
            text(ERROR_NAME, r.error().Error(), "error.Error");
            text(ERROR_CAUSE, r.error().Cause(), "error.Cause");
        }
        text(EVALUATION_ID, r.evaluationId(), "evaluationId");
    }

    private static void ids(Limit limit, List<String> ids, String at) {
        size(limit, ids, at);
        for (int i = 0; i < ids.size(); i++) {
            textWithin(ID_CHARS, limit, ids.get(i), at + "[" + i + "]");
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

    private static Limit ids(String type, String field, int maxItems) {
        return new Limit(type, field, Kind.LIST, 0, maxItems,
                "at most " + maxItems + " ids, each at most " + ID_CHARS + " characters");
    }

    private static Limit list(String type, String field, int minItems, int maxItems) {
        return new Limit(type, field, Kind.LIST, minItems, maxItems, minItems == 0
                ? "at most " + format(maxItems) + " items" : minItems + " to " + format(maxItems) + " items");
    }

    private static Limit integer(String type, String field, long min, long max) {
        return new Limit(type, field, Kind.INTEGER, min, max, "an integer, " + range(min, max));
    }

    private static Limit count(String type, String field) {
        return new Limit(type, field, Kind.INTEGER, 0, Long.MAX_VALUE, "an integer, 0 or more");
    }

    private static Limit seed(String type) {
        return new Limit(type, "seed", Kind.INTEGER, Long.MIN_VALUE, Long.MAX_VALUE, "any 64-bit integer");
    }

    private static Limit number(String type, String field, double min, double max) {
        return new Limit(type, field, Kind.NUMBER, min, max, "a finite number, " + range(min, max));
    }

    private static Limit similarity(String type) {
        return new Limit(type, "similarity", Kind.NUMBER, -1.01, 1.01,
                "a finite number, -1 to 1 (a cosine; 0.01 of slack for rounding)");
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
