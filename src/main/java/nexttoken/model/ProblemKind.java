package nexttoken.model;

/**
 * Everything that can be wrong with a lesson or undefined in a computation. Each kind
 * has a sentence in the resource bundles under {@code problem.<name in lower case>};
 * its arguments are the strings a {@link Problem} carries, in order.
 */
public enum ProblemKind {
    // Reading a lesson file.
    FILE_NOT_FOUND,
    FILE_UNREADABLE,
    FILE_TOO_LARGE,
    FILE_EMPTY,
    JSON_SYNTAX,
    JSON_NOT_A_NUMBER,
    JSON_TOO_DEEP,
    NOT_AN_OBJECT,
    UNKNOWN_FIELD,
    UNKNOWN_FIELD_SUGGESTION,
    MISSING_FIELD,
    WRONG_TYPE,
    NOT_FINITE,
    UNSUPPORTED_FORMAT,
    BAD_CHOICE,
    EMPTY_VOCABULARY,
    EMPTY_TOKEN,
    TOKEN_HAS_SPACE,
    DUPLICATE_TOKEN,
    DUPLICATE_ID,
    EMBEDDING_LENGTH,
    EMBEDDING_EMPTY,
    EMBEDDINGS_MISSING,
    EMBEDDINGS_PARTIAL,
    EMPTY_WEIGHTS,
    F1_LENGTH_EMBEDDINGS,
    F2_LENGTH,
    OUT_OF_RANGE,
    WORD_NOT_IN_VOCABULARY,
    PROMPT_TOO_SHORT,
    TOO_MANY_TOKENS,
    UNKNOWN_STEP,
    UNKNOWN_STEP_SUGGESTION,
    // Attention lessons (parts 6 and 7).
    ATTENTION_NEEDS_EMBEDDINGS,
    ATTENTION_F1,
    ATTENTION_ONLY,
    NO_HEADS,
    ROWS_EMBEDDING,
    ROWS_WINDOW,
    ROWS_HEAD_OUTPUTS,
    ROWS_VOCABULARY,
    ROWS_LIKE_COLUMNS,
    COLUMNS_LIKE,
    COLUMNS_EMBEDDING,
    ROW_LENGTH,
    LENGTH_LIKE_COLUMNS,
    LENGTH_EMBEDDING,
    OUTPUT_NEEDED,
    PROMPT_EMPTY,
    ATTENTION_NOT_FINITE,
    ATTENTION_LOGIT_NOT_FINITE,
    ATTENTION_WEIGHT_OPTION,
    // Computing a trace.
    F1_NOT_FINITE,
    LOGIT_NOT_FINITE,
    NORM_NEGATIVE_LOGIT,
    NORM_SUM_NOT_POSITIVE,
    NORM_SUM_NOT_FINITE,
    // Training.
    NOT_TRAINABLE,
    NO_TRAINING_PAIRS,
    TRAINING_DIVERGED,
    LOSS_EXPLODED,
    // Writing files.
    WRITE_FAILED,
    // Command line.
    WEIGHT_COUNT,
    UNKNOWN_LESSON,
    // Command line: what picocli found while parsing, said in the bundles' words (issue 16).
    UNKNOWN_COMMAND,
    UNKNOWN_COMMAND_SUGGESTION,
    UNKNOWN_OPTION,
    UNKNOWN_OPTION_SUGGESTION,
    UNEXPECTED_ARGUMENT,
    OPTION_NOT_A_NUMBER,
    OPTION_NOT_WHOLE,
    EXPORT_WITHOUT_OUT,
    EXPORT_OUT_AND_HANDOUT,
    HANDOUT_OPTION_WITHOUT_HANDOUT,
    NOT_A_NUMBER,
    NO_DISPLAY,
    OUT_IS_FILE,
    OUT_IS_FOLDER,
    FOLDER_FAILED,
    // Class poll.
    POLL_BAD_ADDRESS,
    POLL_CANNOT_LISTEN;

    public String bundleKey() {
        return "problem." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
