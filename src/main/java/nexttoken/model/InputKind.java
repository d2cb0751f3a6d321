package nexttoken.model;

/** What x is made of: the context's token ids (parts 1 and 2) or their embeddings concatenated (part 3 on). */
public enum InputKind {
    IDS("ids"),
    EMBEDDINGS("embeddings");

    private final String fileName;

    InputKind(String fileName) {
        this.fileName = fileName;
    }

    /** The spelling used in lesson files and on the command line. */
    public String fileName() {
        return fileName;
    }

    public static InputKind fromFileName(String name) {
        for (InputKind k : values()) {
            if (k.fileName.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
