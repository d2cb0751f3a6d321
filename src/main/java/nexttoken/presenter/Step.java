package nexttoken.presenter;

/** The steps a presenter walks through, in order, for one predicted token. */
public enum Step {
    TOKENS, INPUT, F1, LOOKUP,
    /** Attention lessons: xⱼ = embedding + position. */
    POSITIONS,
    /** Attention lessons: q, k, v and the attention map, head by head. */
    ATTENTION,
    /** Attention lessons: each head's weighted sum, W_O and the residual. */
    HEADS,
    /** Attention lessons: ReLU(r·W1 + b1)·W2 + b2 added to r, giving h. */
    FEED_FORWARD,
    F2, NORMALIZE, FILTER, SAMPLE, APPEND;

    /** The step's id in lesson files ({@code "notes"}): x for the input, camel case otherwise. */
    public String fileId() {
        return switch (this) {
            case INPUT -> "x";
            case FEED_FORWARD -> "feedForward";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Key of the step's short name in the bundles. */
    public String nameKey() {
        return "step." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
