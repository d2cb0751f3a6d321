package nexttoken.lesson;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import nexttoken.io.AtomicFiles;
import nexttoken.model.Attention;
import nexttoken.model.Lesson;
import nexttoken.model.Matrix;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;

/**
 * Writes lessons the way a teacher would lay them out by hand: one token per line,
 * weights on one line, fields in the contract's order. Reading what this writes gives
 * the same lesson back, and writing that again gives the same bytes.
 */
public final class LessonWriter {
    private LessonWriter() {
    }

    public static String toJson(Lesson lesson) {
        List<String> fields = new ArrayList<>();
        fields.add(field("format", quote(LessonFormat.FORMAT)));
        if (lesson.title() != null) {
            fields.add(field("title", quote(lesson.title())));
        }
        if (lesson.language() != null) {
            fields.add(field("language", quote(lesson.language())));
        }
        if (lesson.description() != null) {
            fields.add(field("description", quote(lesson.description())));
        }
        fields.add(field("vocabulary", vocabulary(lesson.vocabulary())));
        fields.add(field("prompt", list(lesson.prompt().size(), i -> quote(lesson.prompt().get(i)))));
        fields.add(field("input", quote(lesson.input().fileName())));
        Attention attention = lesson.attention();
        if (attention != null) {
            fields.add(field("window", Integer.toString(attention.window())));
            fields.add(field("positions", attention.positions() == Attention.Positions.LEARNED
                    ? matrix(attention.learnedPositions(), "    ") : quote(attention.positions().fileName())));
            fields.add(field("attention", attention(attention)));
            if (attention.feedForward() != null) {
                Attention.FeedForward ff = attention.feedForward();
                fields.add(field("feedForward", "{\n"
                        + "    \"weights1\": " + matrix(ff.weights1(), "      ") + ",\n"
                        + "    \"bias1\": " + numbers(ff.bias1()) + ",\n"
                        + "    \"weights2\": " + matrix(ff.weights2(), "      ") + ",\n"
                        + "    \"bias2\": " + numbers(ff.bias2()) + "\n  }"));
            }
            fields.add(field("f2", attention.tied() ? quote(LessonFormat.TIED) : matrix(attention.f2(), "    ")));
        } else {
            fields.add(field("f1", numbers(lesson.f1())));
        }
        if (lesson.f2() != null) {
            fields.add(field("f2", numbers(lesson.f2())));
        }
        fields.add(field("normalization", quote(lesson.normalization().fileName())));
        fields.add(field("temperature", Double.toString(lesson.temperature())));
        fields.add(field("topK", Integer.toString(lesson.topK())));
        fields.add(field("topP", Double.toString(lesson.topP())));
        if (lesson.seed() != null) {
            fields.add(field("seed", Long.toString(lesson.seed())));
        }
        if (lesson.endToken() != null) {
            fields.add(field("endToken", quote(lesson.endToken())));
        }
        if (!lesson.corpus().isEmpty()) {
            List<String> corpus = lesson.corpus();
            fields.add(field("corpus", "[\n" + String.join(",\n",
                    corpus.stream().map(s -> "    " + quote(s)).toList()) + "\n  ]"));
        }
        if (!lesson.notes().isEmpty()) {
            fields.add(field("notes", "{\n" + String.join(",\n", lesson.notes().entrySet().stream()
                    .map(note -> "    " + quote(note.getKey()) + ": " + quote(note.getValue())).toList()) + "\n  }"));
        }
        return "{\n" + String.join(",\n", fields) + "\n}\n";
    }

    /** Atomically: a failed write leaves the previous file whole. */
    public static void write(Lesson lesson, Path file) throws IOException {
        AtomicFiles.write(file, toJson(lesson).getBytes(StandardCharsets.UTF_8));
    }

    private static String vocabulary(Vocabulary v) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < v.size(); i++) {
            out.append("    {\"token\": ").append(quote(v.token(i))).append(", \"id\": ").append(v.id(i));
            if (v.hasEmbeddings()) {
                out.append(", \"embedding\": ").append(numbers(v.embedding(i)));
            }
            out.append(i + 1 < v.size() ? "},\n" : "}\n");
        }
        return out.append("  ]").toString();
    }

    private static String attention(Attention a) {
        StringBuilder out = new StringBuilder("{\n    \"heads\": [\n");
        for (int i = 0; i < a.heads().size(); i++) {
            Attention.Head h = a.heads().get(i);
            out.append("      {\n")
                    .append("        \"query\": ").append(matrix(h.query(), "          ")).append(",\n")
                    .append("        \"key\": ").append(matrix(h.key(), "          ")).append(",\n")
                    .append("        \"value\": ").append(matrix(h.value(), "          ")).append("\n")
                    .append(i + 1 < a.heads().size() ? "      },\n" : "      }\n");
        }
        out.append("    ],\n");
        if (a.output() != null) {
            out.append("    \"output\": ").append(matrix(a.output(), "      ")).append(",\n");
        }
        return out.append("    \"residual\": ").append(a.residual()).append("\n  }").toString();
    }

    /** One row per line, as a matrix is written on the board. */
    private static String matrix(Matrix m, String indent) {
        StringBuilder out = new StringBuilder("[\n");
        for (int r = 0; r < m.rows(); r++) {
            out.append(indent).append(numbers(m.rowValues(r))).append(r + 1 < m.rows() ? ",\n" : "\n");
        }
        return out.append(indent, 0, indent.length() - 2).append(']').toString();
    }

    private static String field(String name, String value) {
        return "  " + quote(name) + ": " + value;
    }

    private static String numbers(Values values) {
        return list(values.size(), i -> Double.toString(values.get(i)));
    }

    private static String list(int size, IntFunction<String> item) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ", ").append(item.apply(i));
        }
        return out.append(']').toString();
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
