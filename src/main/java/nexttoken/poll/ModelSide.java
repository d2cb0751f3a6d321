package nexttoken.poll;

import nexttoken.model.LogitsStep;
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
 * @param f2            the logits the probabilities come from, which rank the tokens; null for a lookup lesson
 */
public record ModelSide(Values probabilities, Problem problem, LogitsStep f2) {

    public static ModelSide of(Trace trace) {
        if (trace.lookup() != null) {
            int chosen = trace.lookup().index();
            int size = trace.lesson().vocabulary().size();
            return new ModelSide(Values.generate(size, i -> i == chosen ? 1.0 : 0.0), null, null);
        }
        if (!trace.isComplete() || trace.filter() == null) {
            return new ModelSide(null, trace.problem(), null);
        }
        return new ModelSide(trace.filter().probabilities(), null, trace.f2());
    }

    public boolean defined() {
        return probabilities != null;
    }

    /**
     * The n tokens the model ranks highest, most probable first; none when undefined. Ranked by
     * logit, as the charts' bars are ({@link Ranking#mostProbable}): probabilities rise with the
     * logit, top-k and top-p keep a prefix of that ranking, and where two probabilities are the
     * same double (rounded, or 0 after a filter) the larger logit comes first, then vocabulary
     * order. The revealed board asks at every revision, and at 100,000 tokens reading every
     * probability was 100,000 exponentials each time.
     */
    public int[] mostProbable(int n) {
        if (probabilities == null) {
            return new int[0];
        }
        // A lookup lesson has no logits: its one-hot probabilities rank the same way, ties by index.
        return f2 != null ? Ranking.inFallingOrder(Ranking.mostProbable(f2, n), f2.logits())
                : Ranking.inFallingOrder(Ranking.top(probabilities, n), probabilities);
    }
}
