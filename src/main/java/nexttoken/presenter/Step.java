package nexttoken.presenter;

import java.util.List;

/** The steps a presenter walks through, in order, for one predicted token. */
public enum Step {
    TOKENS, INPUT, F1, LOOKUP, F2, NORMALIZE, FILTER, SAMPLE, APPEND;

    /** norm(f2(f1(x))) and its softmax variant. */
    public static final List<Step> FULL_PATH = List.of(TOKENS, INPUT, F1, F2, NORMALIZE, FILTER, SAMPLE, APPEND);

    /** Part 1: f1's value read as an id. */
    public static final List<Step> LOOKUP_PATH = List.of(TOKENS, INPUT, F1, LOOKUP, APPEND);

    /** The step's id in lesson files ({@code "notes"}): x for the input, the name otherwise. */
    public String fileId() {
        return this == INPUT ? "x" : name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Key of the step's short name in the bundles. */
    public String nameKey() {
        return "step." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
