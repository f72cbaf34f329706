package io.pgenrm.batch;

import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.local.LocalJudge;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.local.TextEmbedder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cross-validation of the local engine on history (train) rows only, so settings can be chosen without looking at
 * test rows: users are split into folds; for each fold the population model is fitted on the other folds' pairs,
 * and each pair of a held-out user is predicted from that user's other pairs (leave one out). The longer response
 * and the population model alone are scored on the same pairs.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Hits per predictor over the same pairs, in one order. */
    public record Result(int pairs, List<Boolean> longer, List<Boolean> population, List<Boolean> personal) {
        public double accuracy(List<Boolean> hits) {
            return hits.isEmpty() ? 0 : hits.stream().filter(h -> h).count() / (double) hits.size();
        }
    }

    public static Result run(Map<String, UserHistory> histories, TextEmbedder embedder, int folds, long seed,
            PopulationRewardModel.Penalties population, double personalLambda) {
        List<String> users = new ArrayList<>(histories.keySet().stream().sorted().toList());
        Collections.shuffle(users, new Random(seed));
        List<Boolean> longer = new ArrayList<>();
        List<Boolean> populationHits = new ArrayList<>();
        List<Boolean> personal = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<PreferencePair> training = new ArrayList<>();
            List<String> heldOut = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                if (u % folds == fold) {
                    heldOut.add(users.get(u));
                } else {
                    training.addAll(histories.get(users.get(u)).pairs());
                }
            }
            PopulationRewardModel model = PopulationRewardModel.fit(training, embedder, population, null);
            LocalJudge judge = new LocalJudge(embedder, model, personalLambda);
            for (String userId : heldOut) {
                UserHistory history = histories.get(userId);
                for (int i = 0; i < history.pairs().size(); i++) {
                    PreferencePair target = history.pairs().get(i);
                    List<PreferencePair> others = new ArrayList<>(history.pairs());
                    others.remove(i);
                    UserHistory rest = new UserHistory(userId, others, history.profile());
                    longer.add(target.chosen().length() > target.rejected().length());
                    Scenario scenario = new Scenario(target.context(), List.of(target.chosen(), target.rejected()));
                    populationHits.add(model.margin(target.prompt(), target.chosen(), target.rejected(), embedder) > 0);
                    var persona = judge.inducePersona(rest, 0).value();
                    var scores = judge.scoreSample(new SampleRequest(persona, rest, null, scenario, 0, 1, false))
                            .value().scores();
                    personal.add(scores.get(0).total() > scores.get(1).total());
                }
            }
        }
        return new Result(longer.size(), longer, populationHits, personal);
    }

}
