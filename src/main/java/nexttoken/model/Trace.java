package nexttoken.model;

/**
 * Every step of one prediction, norm(f2(f1(x))) or f1 → lookup. The screen, the PNG
 * export and the {@code trace} command all read this one object, so they cannot
 * disagree. Steps after a problem are null: what could be computed is kept, so a view
 * can show the logits and explain in place why norm is undefined for them.
 */
public record Trace(
        Lesson lesson,
        ContextStep context,
        InputStep input,
        WeightedSumStep f1,
        LookupStep lookup,
        LogitsStep f2,
        NormalizationStep normalization,
        FilterStep filter,
        Problem problem) {

    public boolean isComplete() {
        return problem == null;
    }

    /**
     * The most probable token after filtering (or the looked-up token in part 1);
     * -1 when the trace stopped at a problem before that.
     */
    public int greedyIndex() {
        if (lookup != null) {
            return lookup.index();
        }
        if (filter == null) {
            return -1;
        }
        // The most probable kept token; where probabilities round to a tie, the larger logit.
        Values p = filter.probabilities();
        Values logits = f2.logits();
        int best = -1;
        for (int i = 0; i < p.size(); i++) {
            if (!filter.kept().contains(i)) {
                continue;
            }
            if (best < 0 || p.get(i) > p.get(best) || (p.get(i) == p.get(best) && logits.get(i) > logits.get(best))) {
                best = i;
            }
        }
        return best;
    }
}
