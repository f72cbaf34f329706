package io.pgenrm.reward;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.judge.Judge;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the inference endpoint, with behaviour the tests can name: a candidate's total is 1 + its length
 * (capped at 10), reversed for users whose id starts with "short"; user "down" cannot get a persona; a prompt
 * "hang" never finishes scoring, "garbage" never gives usable output. It counts calls and the most in flight at once.
 */
final class ScriptedJudge implements Judge {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    private final long callMillis;

    ScriptedJudge(long callMillis) {
        this.callMillis = callMillis;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public boolean personaVariesBySeed() {
        return false;
    }

    @Override
    public boolean needsRubricStep() {
        return false;
    }

    @Override
    public Judged<Persona> inducePersona(UserHistory history, long seed) {
        call(0);
        if (history.userId().equals("down")) {
            throw new InferenceCallException("inference call failed after 4 attempt(s): 503", null);
        }
        return new Judged<>(new Persona(history.userId(), history.version(), seed, "analysis", List.of(), Map.of()),
                CallCost.oneCall(10, 5, 1), "");
    }

    @Override
    public Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed) {
        throw new UnsupportedOperationException("this judge writes no rubric");
    }

    @Override
    public Judged<ScoredSample> scoreSample(SampleRequest request) {
        String prompt = request.scenario().prompt();
        call(prompt.equals("hang") ? 60_000 : 0);
        if (prompt.equals("garbage")) {
            throw new JudgeOutputException("no scores found", "lorem ipsum");
        }
        List<CandidateScore> scores = new ArrayList<>();
        List<String> candidates = request.scenario().candidates();
        for (int c = 0; c < candidates.size(); c++) {
            double length = Math.min(9, candidates.get(c).length());
            double total = request.persona().userId().startsWith("short") ? 10 - length : 1 + length;
            scores.add(new CandidateScore(c, List.of(), total));
        }
        return new Judged<>(new ScoredSample(null, scores), CallCost.oneCall(10, 5, 1), "");
    }

    private void call(long extraMillis) {
        calls.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(callMillis + extraMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceCallException("interrupted", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
