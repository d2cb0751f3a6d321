package nexttoken.poll;

import java.util.Arrays;
import java.util.Comparator;
import nexttoken.model.Problem;
import nexttoken.model.Ranking;
import nexttoken.model.Trace;
import nexttoken.model.Values;

/**
 * What the model says beside the class: the probability of each token at the lesson's current
 * settings, read from the trace and never recomputed. It is the distribution the model draws
 * the next token from, so after top-k or top-p (the filter step); in a part-1 lesson the
 * lookup picks one token, which gets all of it.
 *
 * @param probabilities one per vocabulary token, or null when the trace stopped at a problem
 * @param problem       why there are no probabilities (norm of a negative logit, an overflow), or null
 */
public record ModelSide(Values probabilities, Problem problem) {

    public static ModelSide of(Trace trace) {
        if (trace.lookup() != null) {
            int chosen = trace.lookup().index();
            int size = trace.lesson().vocabulary().size();
            return new ModelSide(Values.generate(size, i -> i == chosen ? 1.0 : 0.0), null);
        }
        if (!trace.isComplete() || trace.filter() == null) {
            return new ModelSide(null, trace.problem());
        }
        return new ModelSide(trace.filter().probabilities(), null);
    }

    public boolean defined() {
        return probabilities != null;
    }

    /** The n tokens the model ranks highest, most probable first (ties: vocabulary order); none when undefined. */
    public int[] mostProbable(int n) {
        if (probabilities == null) {
            return new int[0];
        }
        Integer[] top = Arrays.stream(Ranking.top(probabilities, n)).boxed().toArray(Integer[]::new);
        Arrays.sort(top, Comparator.comparingDouble((Integer i) -> -probabilities.get(i)).thenComparingInt(i -> i));
        return Arrays.stream(top).mapToInt(Integer::intValue).toArray();
    }
}
