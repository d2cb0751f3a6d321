package nexttoken.presenter;

/** The steps a presenter walks through, in order, for one predicted token. */
public enum Step {
    TOKENS, INPUT, F1, LOOKUP, F2, NORMALIZE, FILTER, SAMPLE, APPEND;

    /** The step's id in lesson files ({@code "notes"}): x for the input, the name otherwise. */
    public String fileId() {
        return this == INPUT ? "x" : name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Key of the step's short name in the bundles. */
    public String nameKey() {
        return "step." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
