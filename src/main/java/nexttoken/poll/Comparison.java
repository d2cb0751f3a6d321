package nexttoken.poll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nexttoken.model.Problem;
import nexttoken.model.Vocabulary;

/**
 * What the reveal shows: for each token, the class's share of the votes beside the model's
 * probability. Both come ready-made (the votes from the poll, the probabilities from the
 * trace); this only chooses which tokens get a pair of bars.
 *
 * @param rows         in vocabulary order, as every other chart
 * @param modelProblem why the model has no probabilities at these settings, or null
 */
public record Comparison(int votes, List<Row> rows, int hiddenTokens, Problem modelProblem) {

    /** @param model the model's probability, or null when it is undefined at these settings */
    public record Row(int tokenIndex, String token, int count, double classShare, Double model) {
    }

    /**
     * Every token when they fit; otherwise the {@code most} that matter most to either side
     * (what the class voted for, what the model ranks highest).
     */
    public static Comparison of(PollModel.Tally tally, Vocabulary vocabulary, ModelSide model, int most) {
        int size = vocabulary.size();
        int[] chosen;
        if (size <= most) {
            chosen = new int[size];
            Arrays.setAll(chosen, i -> i);
        } else {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (tally.counts()[i] > 0) {
                    candidates.add(i);
                }
            }
            for (int i : model.mostProbable(most)) {
                if (tally.counts()[i] == 0) {
                    candidates.add(i);
                }
            }
            candidates.sort(Comparator.comparingDouble((Integer i) -> -weight(tally, model, i)).thenComparingInt(i -> i));
            chosen = candidates.stream().limit(most).mapToInt(Integer::intValue).sorted().toArray();
        }
        List<Row> rows = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            rows.add(new Row(i, vocabulary.token(i), tally.counts()[i], tally.share(i),
                    model.defined() ? model.probabilities().get(i) : null));
        }
        return new Comparison(tally.votes(), List.copyOf(rows), size - chosen.length, model.problem());
    }

    private static double weight(PollModel.Tally tally, ModelSide model, int i) {
        return Math.max(tally.share(i), model.defined() ? model.probabilities().get(i) : 0);
    }
}
