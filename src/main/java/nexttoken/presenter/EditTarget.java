package nexttoken.presenter;

/**
 * What an undoable edit changed. Changes to the same target in a row (one slider drag)
 * are one undo step; a different target, or {@link LessonModel#commitEdit()}, starts a new one.
 */
public sealed interface EditTarget {

    record F1Weight(int index) implements EditTarget {
    }

    record F2Weight(int index) implements EditTarget {
    }

    /** A token's embedding, dragged on the scatter. */
    record Embedding(int token) implements EditTarget {
    }

    /**
     * The teacher's note of one step ({@code step} as in lesson files): typing into it is one
     * undo step until the field loses focus, like one slider drag.
     */
    record Notes(String step) implements EditTarget {
    }

    /** Row {@code position} of an attention lesson's learned position table, dragged on the positions view. */
    record LearnedPosition(int position) implements EditTarget {
    }

    /** Targets that are one setting of the lesson, or the whole of it. */
    enum Whole implements EditTarget {
        TEMPERATURE, TOP_K, TOP_P, NORMALIZATION, SEED, CORPUS,
        /** A run of training steps: Undo takes the whole run back. */
        TRAINING,
        /** Back to the lesson's own values. */
        RESET,
        /** A whole-lesson edit from the editor (tokens, ids, embeddings, prompt). */
        LESSON
    }
}
