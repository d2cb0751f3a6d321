package nexttoken.presenter;

import java.util.List;
import nexttoken.model.Lesson;
import nexttoken.model.LessonKind;

/** The steps each kind of lesson walks through for one predicted token: the one table of them. */
public final class StepPaths {

    /** norm(f2(f1(x))) and its softmax variant. */
    public static final List<Step> FULL_PATH =
            List.of(Step.TOKENS, Step.INPUT, Step.F1, Step.F2, Step.NORMALIZE, Step.FILTER, Step.SAMPLE, Step.APPEND);

    /** Part 1: f1's value read as an id. */
    public static final List<Step> LOOKUP_PATH = List.of(Step.TOKENS, Step.INPUT, Step.F1, Step.LOOKUP, Step.APPEND);

    /** Parts 6 and 7: attention computes what f1's fixed weights did (the feed-forward step when the lesson has one). */
    public static final List<Step> ATTENTION_PATH = List.of(Step.TOKENS, Step.POSITIONS, Step.ATTENTION, Step.HEADS,
            Step.FEED_FORWARD, Step.F2, Step.NORMALIZE, Step.FILTER, Step.SAMPLE, Step.APPEND);

    /** An attention lesson without a feed-forward step: h is r, so the class goes from the heads straight to f2. */
    public static final List<Step> ATTENTION_PATH_WITHOUT_FEED_FORWARD = ATTENTION_PATH.stream()
            .filter(s -> s != Step.FEED_FORWARD).toList();

    private StepPaths() {
    }

    /** Every step a lesson of this kind can have. */
    public static List<Step> of(LessonKind kind) {
        return switch (kind) {
            case LOOKUP -> LOOKUP_PATH;
            case IDS, EMBEDDINGS -> FULL_PATH;
            case ATTENTION -> ATTENTION_PATH;
        };
    }

    /** The steps of this lesson: its kind's, less a feed-forward step it does not have. */
    public static List<Step> of(Lesson lesson) {
        LessonKind kind = lesson.kind();
        if (kind == LessonKind.ATTENTION && lesson.attention().feedForward() == null) {
            return ATTENTION_PATH_WITHOUT_FEED_FORWARD;
        }
        return of(kind);
    }
}
