package nexttoken.lesson;

import nexttoken.model.LessonKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nexttoken.model.Lesson;
import nexttoken.model.Values;

/**
 * A lesson being edited as text in a form: tokens, ids, embeddings and a prompt as
 * typed. It is checked by the very reader that checks lesson files, so a draft the
 * editor accepts is exactly a file that would load, with the same messages.
 */
public final class LessonDraft {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One row of the editor as typed.
     *
     * @param sourceIndex the token's index in the lesson the draft started from, or -1 for a new token
     */
    public record TokenRow(String token, String id, String embedding, int sourceIndex) {
    }

    private LessonDraft() {
    }

    /** The rows of an existing lesson, as the editor first shows them. */
    public static List<TokenRow> rowsOf(Lesson lesson) {
        var v = lesson.vocabulary();
        return java.util.stream.IntStream.range(0, v.size())
                .mapToObj(i -> new TokenRow(v.token(i), Integer.toString(v.id(i)),
                        v.hasEmbeddings() ? embeddingText(v.embedding(i)) : "", i))
                .toList();
    }

    public static String embeddingText(Values e) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < e.size(); c++) {
            out.append(c == 0 ? "" : ", ").append(nexttoken.model.NumberText.plain(e.get(c)));
        }
        return out.toString();
    }

    /** The edited lesson, or the problems, each naming its field (vocabulary[2].id, prompt[1], …). */
    public static LessonReader.Result build(Lesson base, String title, List<TokenRow> rows, String prompt, String source) {
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(LessonWriter.toJson(base).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a written lesson always reads back", e);
        }
        if (title != null && !title.isBlank()) {
            root.put("title", title.trim());
        } else {
            root.remove("title");
        }
        ArrayNode vocabulary = root.putArray("vocabulary");
        // f2 follows the tokens: one weight per token, or (attention) one row of d numbers; a
        // tied f2 is the embeddings themselves and stays "tied".
        ArrayNode f2 = switch (base.kind()) {
            case LOOKUP -> null;
            case IDS, EMBEDDINGS -> JSON.createArrayNode();
            case ATTENTION -> base.attention().tied() ? null : JSON.createArrayNode();
        };
        for (TokenRow row : rows) {
            ObjectNode entry = vocabulary.addObject();
            entry.put("token", row.token().trim());
            String id = row.id().trim();
            if (id.matches("-?\\d{1,18}")) {
                entry.put("id", Long.parseLong(id));
            } else {
                entry.put("id", id);
            }
            String embedding = row.embedding().trim();
            if (!embedding.isEmpty()) {
                ArrayNode numbers = JSON.createArrayNode();
                boolean allNumbers = true;
                for (String part : splitNumbers(embedding)) {
                    try {
                        numbers.add(Double.parseDouble(part.replace('−', '-')));
                    } catch (NumberFormatException e) {
                        allNumbers = false;
                    }
                }
                if (allNumbers) {
                    entry.set("embedding", numbers);
                } else {
                    entry.put("embedding", embedding);
                }
            }
            if (f2 != null && base.kind() == LessonKind.ATTENTION) {
                // A new token's row is zeros: h · 0 = a logit of 0.
                ArrayNode f2Row = f2.addArray();
                for (int c = 0; c < base.attention().f2().columns(); c++) {
                    f2Row.add(row.sourceIndex() >= 0 ? base.attention().f2().get(row.sourceIndex(), c) : 0.0);
                }
            } else if (f2 != null) {
                // A new token starts with weight 0: a logit of 0, which adds nothing under norm.
                f2.add(row.sourceIndex() >= 0 ? base.f2().get(row.sourceIndex()) : 0.0);
            }
        }
        if (f2 != null) {
            root.set("f2", f2);
        }
        root.put("prompt", prompt);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return LessonReader.read(bytes, source);
    }

    /** "0.3, -0.6" or, where the comma is the decimal separator, "0,3; -0,6". */
    static String[] splitNumbers(String text) {
        if (text.contains(";")) {
            return java.util.Arrays.stream(text.split(";")).map(s -> s.trim().replace(',', '.')).toArray(String[]::new);
        }
        return text.split("[,\\s]+");
    }
}
