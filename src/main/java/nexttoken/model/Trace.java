package nexttoken.model;

/**
 * Every step of one prediction, norm(f2(f1(x))) or f1 → lookup. The screen, the PNG
 * export and the {@code trace} command all read this one object, so they cannot
 * disagree. Steps after a problem are null: what could be computed is kept, so a view
 * can show the logits and explain in place why norm is undefined for them.
 *
 * <p>An attention lesson has no input or f1 step: {@code attention} takes their place, and
 * f2's logits are h · f2ᵢ.
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
        Problem problem,
        AttentionStep attention) {

    /** A trace of a lesson without attention (parts 1 to 5). */
    public Trace(Lesson lesson, ContextStep context, InputStep input, WeightedSumStep f1, LookupStep lookup,
                 LogitsStep f2, NormalizationStep normalization, FilterStep filter, Problem problem) {
        this(lesson, context, input, f1, lookup, f2, normalization, filter, problem, null);
    }

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
        return filter.greedy();
    }
}
