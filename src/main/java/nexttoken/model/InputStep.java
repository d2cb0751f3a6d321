package nexttoken.model;

/**
 * x, the input of f1: the context's ids, or its embeddings one after another.
 *
 * @param dimensions numbers per context token (1 for ids, the embedding length otherwise)
 */
public record InputStep(InputKind kind, Values x, int dimensions) {
}
