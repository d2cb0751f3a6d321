package nexttoken.model;

/**
 * What a lesson shows: the one switch the window, the step path, the composition bar and
 * export read instead of inferring the kind from f2 or the vocabulary. A new kind is a new
 * constant here plus its entries in the tables that switch on it (StepPaths, LessonViews);
 * those switches have no default, so the compiler lists every table still missing it.
 */
public enum LessonKind {
    /** Part 1: no f2; f1's value is read as the nearest token id. */
    LOOKUP,
    /** norm(f2(f1(x))) over token ids. */
    IDS,
    /** norm(f2(f1(x))) with a vocabulary that carries embeddings, shown on the scatter too. */
    EMBEDDINGS,
    /** Parts 6 and 7: positions, self-attention, the feed-forward step and h · f2ᵢ instead of f1. */
    ATTENTION;

    static LessonKind of(Lesson lesson) {
        if (lesson.attention() != null) {
            return ATTENTION;
        }
        if (lesson.f2() == null) {
            return LOOKUP;
        }
        return lesson.vocabulary().hasEmbeddings() ? EMBEDDINGS : IDS;
    }
}
