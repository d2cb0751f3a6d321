package nexttoken.lesson;

/** The lesson file of contracts.md, verbatim, for tests to break in one place at a time. */
public final class LessonReaderTestSupport {
    public static final String VALID = """
            {
              "format": "nexttoken-lesson/1",
              "title": "Parte 3 — embeddings",
              "language": "es",
              "vocabulary": [
                {"token": "azul",  "id": 227, "embedding": [-0.2, 0.9]},
                {"token": "cielo", "id": 350, "embedding": [0.8, -0.1]},
                {"token": "frío",  "id": 402, "embedding": [-0.4, 0.7]},
                {"token": "el",    "id": 578, "embedding": [0.3, -0.6]},
                {"token": "es",    "id": 698, "embedding": [0.1, -0.1]}
              ],
              "prompt": ["el", "cielo", "es"],
              "input": "embeddings",
              "f1": [1, 0.5, 1.5, 1, 0.5, 1.5],
              "f2": [2.5, 0.7, 2.0, 0.2, 0.5],
              "normalization": "softmax",
              "temperature": 1.0,
              "topK": 0,
              "topP": 1.0,
              "seed": 42,
              "corpus": ["el cielo es azul", "el cielo es frío"]
            }
            """;

    private LessonReaderTestSupport() {
    }
}
