package nexttoken.model;

/** How logits become probabilities. */
public enum Normalization {
    /** Divide each logit by their sum, as post 2 does. Undefined for negative logits. */
    NORM("norm"),
    /** exp(logit / T) divided by the sum of those, as real models do. */
    SOFTMAX("softmax");

    private final String fileName;

    Normalization(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static Normalization fromFileName(String name) {
        for (Normalization n : values()) {
            if (n.fileName.equals(name)) {
                return n;
            }
        }
        return null;
    }
}
