package nexttoken.lesson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nexttoken.model.Attention;
import nexttoken.model.InputKind;
import nexttoken.model.Matrix;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;

/**
 * Reads and validates {@code nexttoken-lesson/1} files. Never throws at its caller:
 * a file is either a lesson or a list of problems, each naming its field.
 */
public final class LessonReader {

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(LessonFormat.MAX_DEPTH)
                    .maxStringLength(1_000_000)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LessonReader() {
    }

    /** A lesson, or why not. */
    public record Result(Lesson lesson, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return lesson != null;
        }

        public Problem firstProblem() {
            return problems.get(0);
        }
    }

    public static Result read(Path file) {
        String source = file.toString();
        try {
            if (!Files.exists(file)) {
                return failed(Problem.of(ProblemKind.FILE_NOT_FOUND, null).inSource(source));
            }
            long size = Files.size(file);
            if (size > LessonFormat.MAX_BYTES) {
                return failed(Problem.of(ProblemKind.FILE_TOO_LARGE, null,
                        size / (1024 * 1024), LessonFormat.MAX_BYTES / (1024 * 1024)).inSource(source));
            }
            return read(Files.readAllBytes(file), source);
        } catch (NoSuchFileException e) {
            return failed(Problem.of(ProblemKind.FILE_NOT_FOUND, null).inSource(source));
        } catch (IOException | SecurityException e) {
            return failed(Problem.of(ProblemKind.FILE_UNREADABLE, null, String.valueOf(e.getMessage())).inSource(source));
        }
    }

    public static Result read(byte[] bytes, String source) {
        if (bytes.length > LessonFormat.MAX_BYTES) {
            return failed(Problem.of(ProblemKind.FILE_TOO_LARGE, null,
                    bytes.length / (1024 * 1024), LessonFormat.MAX_BYTES / (1024 * 1024)).inSource(source));
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            return failed(Problem.of(ProblemKind.FILE_EMPTY, null).inSource(source));
        }
        JsonNode root;
        try (JsonParser parser = JSON.createParser(bytes)) {
            root = JsonTree.read(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentLocation();
                return failed(Problem.of(ProblemKind.JSON_SYNTAX, null, at.getLineNr(), at.getColumnNr(),
                        "more text after the end of the lesson").inSource(source));
            }
        } catch (StreamConstraintsException e) {
            return failed(Problem.of(ProblemKind.JSON_TOO_DEEP, null, LessonFormat.MAX_DEPTH).inSource(source));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String detail = firstLine(e.getOriginalMessage());
            if (detail.startsWith("Non-standard token")) {
                // NaN and Infinity: Jackson's advice is for programmers; a teacher needs a number.
                return failed(Problem.of(ProblemKind.JSON_NOT_A_NUMBER, null,
                        at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()).inSource(source));
            }
            return failed(Problem.of(ProblemKind.JSON_SYNTAX, null,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), detail).inSource(source));
        } catch (IOException e) {
            return failed(Problem.of(ProblemKind.FILE_UNREADABLE, null, String.valueOf(e.getMessage())).inSource(source));
        }
        if (root == null || root.isMissingNode()) {
            return failed(Problem.of(ProblemKind.FILE_EMPTY, null).inSource(source));
        }
        Validation v = new Validation();
        Lesson lesson = v.lesson(root);
        List<Problem> problems = v.problems.stream().map(p -> p.inSource(source)).toList();
        return problems.isEmpty() ? new Result(lesson, List.of()) : new Result(null, problems);
    }

    private static Result failed(Problem p) {
        return new Result(null, List.of(p));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        // Jackson appends where the object started, with a source placeholder; the line and column say enough.
        return line.replaceAll("\\s*\\(start marker at \\[Source:.*$", "").trim();
    }

    /** One pass over the tree, collecting every problem rather than stopping at the first. */
    private static final class Validation {
        final List<Problem> problems = new ArrayList<>();

        void problem(ProblemKind kind, String field, Object... args) {
            problems.add(Problem.of(kind, field, args));
        }

        Lesson lesson(JsonNode root) {
            if (!root.isObject()) {
                problem(ProblemKind.NOT_AN_OBJECT, "");
                return null;
            }
            unknownFields(root, "", LessonFormat.FIELDS);

            JsonNode format = root.get("format");
            if (format == null) {
                problem(ProblemKind.MISSING_FIELD, "format");
            } else if (!format.isTextual() || !LessonFormat.FORMAT.equals(format.asText())) {
                problem(ProblemKind.UNSUPPORTED_FORMAT, "format", format.isTextual() ? format.asText() : format.toString(),
                        LessonFormat.FORMAT);
            }
            String title = optionalText(root, "title");
            String language = optionalText(root, "language");
            String description = optionalText(root, "description");

            InputKind input = InputKind.IDS;
            JsonNode inputNode = root.get("input");
            if (inputNode != null) {
                input = inputNode.isTextual() ? InputKind.fromFileName(inputNode.asText()) : null;
                if (input == null) {
                    problem(ProblemKind.BAD_CHOICE, "input", inputNode.isTextual() ? inputNode.asText() : inputNode.toString(),
                            "ids, embeddings");
                    input = InputKind.IDS;
                }
            }

            Vocabulary vocabulary = vocabulary(root.get("vocabulary"), input);
            boolean attentionLesson = root.has("attention");
            Values f1 = null;
            Values f2 = null;
            Attention attention = null;
            if (attentionLesson) {
                if (input != InputKind.EMBEDDINGS) {
                    problem(ProblemKind.ATTENTION_NEEDS_EMBEDDINGS, "input", input.fileName());
                }
                if (root.has("f1")) {
                    problem(ProblemKind.ATTENTION_F1, "f1");
                }
                if (vocabulary != null && vocabulary.hasEmbeddings()) {
                    attention = attention(root, vocabulary);
                }
            } else {
                for (String field : List.of("window", "positions", "feedForward")) {
                    if (root.has(field)) {
                        problem(ProblemKind.ATTENTION_ONLY, field);
                    }
                }
                f1 = weights(root, "f1", true);
                f2 = weights(root, "f2", false);
            }
            String endToken = optionalText(root, "endToken");
            Normalization normalization = Normalization.SOFTMAX;
            JsonNode normNode = root.get("normalization");
            if (normNode != null) {
                normalization = normNode.isTextual() ? Normalization.fromFileName(normNode.asText()) : null;
                if (normalization == null) {
                    problem(ProblemKind.BAD_CHOICE, "normalization",
                            normNode.isTextual() ? normNode.asText() : normNode.toString(), "norm, softmax");
                    normalization = Normalization.SOFTMAX;
                }
            }
            double temperature = number(root, "temperature", 1.0);
            if (temperature < 0) {
                problem(ProblemKind.OUT_OF_RANGE, "temperature", plain(temperature), "T ≥ 0");
            }
            long topK = whole(root, "topK", 0);
            if (topK < 0 || topK > Integer.MAX_VALUE) {
                problem(ProblemKind.OUT_OF_RANGE, "topK", topK, "k ≥ 0");
            }
            double topP = number(root, "topP", 1.0);
            if (!(topP > 0 && topP <= 1)) {
                problem(ProblemKind.OUT_OF_RANGE, "topP", plain(topP), "0 < p ≤ 1");
            }
            Long seed = root.has("seed") ? whole(root, "seed", 0) : null;
            List<String> prompt = words(root.get("prompt"), "prompt", true);
            List<String> corpus = strings(root.get("corpus"), "corpus");
            Map<String, String> notes = notes(root.get("notes"));

            if (vocabulary == null || (f1 == null && attention == null)) {
                return null;
            }
            int d = vocabulary.embeddingLength();
            // An attention lesson reads a shorter prompt whole: it needs one word, not a window's worth.
            int context = attention != null ? 1 : f1.size();
            if (attention == null && input == InputKind.EMBEDDINGS && d > 0) {
                if (f1.size() % d != 0) {
                    problem(ProblemKind.F1_LENGTH_EMBEDDINGS, "f1", f1.size(), d);
                    return null;
                }
                context = f1.size() / d;
            }
            if (f2 != null && f2.size() != vocabulary.size()) {
                problem(ProblemKind.F2_LENGTH, "f2", f2.size(), vocabulary.size());
            }
            if (prompt != null) {
                for (int i = 0; i < prompt.size(); i++) {
                    if (vocabulary.indexOf(prompt.get(i)).isEmpty()) {
                        problem(ProblemKind.WORD_NOT_IN_VOCABULARY, "prompt[" + i + "]", prompt.get(i));
                    }
                }
                if (attention != null && prompt.isEmpty()) {
                    problem(ProblemKind.PROMPT_EMPTY, "prompt");
                } else if (prompt.size() < context) {
                    problem(ProblemKind.PROMPT_TOO_SHORT, "prompt", prompt.size(), context);
                }
            }
            if (endToken != null && vocabulary.indexOf(endToken).isEmpty()) {
                problem(ProblemKind.WORD_NOT_IN_VOCABULARY, "endToken", endToken);
            }
            for (int s = 0; s < corpus.size(); s++) {
                for (String word : corpus.get(s).trim().split("\\s+")) {
                    if (!word.isEmpty() && vocabulary.indexOf(word).isEmpty()) {
                        problem(ProblemKind.WORD_NOT_IN_VOCABULARY, "corpus[" + s + "]", word);
                        break;
                    }
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2, normalization,
                    temperature, (int) topK, topP, seed, corpus, notes, attention, endToken);
        }

        /** The attention fields, checked against each other and the embedding length d; null after a problem. */
        private Attention attention(JsonNode root, Vocabulary vocabulary) {
            int before = problems.size();
            int d = vocabulary.embeddingLength();
            long window = 0;
            if (!root.has("window")) {
                problem(ProblemKind.MISSING_FIELD, "window");
            } else {
                window = whole(root, "window", 0);
                if (window < 1 || window > LessonFormat.MAX_WINDOW) {
                    problem(ProblemKind.OUT_OF_RANGE, "window", window, "1 ≤ window ≤ " + LessonFormat.MAX_WINDOW);
                }
            }
            Attention.Positions positions = Attention.Positions.NONE;
            Matrix learned = null;
            JsonNode positionsNode = root.get("positions");
            if (positionsNode != null && positionsNode.isArray()) {
                positions = Attention.Positions.LEARNED;
                learned = matrix(positionsNode, "positions");
                if (learned != null) {
                    expectRows(learned, "positions", (int) window, ProblemKind.ROWS_WINDOW);
                    expectColumns(learned, "positions", d);
                }
            } else if (positionsNode != null) {
                String name = positionsNode.isTextual() ? positionsNode.asText() : positionsNode.toString();
                if (Attention.Positions.NONE.fileName().equals(name)) {
                    positions = Attention.Positions.NONE;
                } else if (Attention.Positions.SINUSOIDAL.fileName().equals(name)) {
                    positions = Attention.Positions.SINUSOIDAL;
                } else {
                    problem(ProblemKind.BAD_CHOICE, "positions", name, "none, sinusoidal, a table of window rows");
                }
            }
            JsonNode node = root.get("attention");
            List<Attention.Head> heads = new ArrayList<>();
            Matrix output = null;
            boolean residual = true;
            if (!node.isObject()) {
                problem(ProblemKind.WRONG_TYPE, "attention", "object {\"heads\", \"output\", \"residual\"}");
            } else {
                unknownFields(node, "attention.", LessonFormat.ATTENTION_FIELDS);
                JsonNode headsNode = node.get("heads");
                if (headsNode == null) {
                    problem(ProblemKind.MISSING_FIELD, "attention.heads");
                } else if (!headsNode.isArray()) {
                    problem(ProblemKind.WRONG_TYPE, "attention.heads", "list of heads");
                } else if (headsNode.isEmpty()) {
                    problem(ProblemKind.NO_HEADS, "attention.heads");
                } else {
                    for (int i = 0; i < headsNode.size(); i++) {
                        Attention.Head head = head(headsNode.get(i), "attention.heads[" + i + "]", d);
                        if (head != null) {
                            heads.add(head);
                        }
                    }
                }
                JsonNode residualNode = node.get("residual");
                if (residualNode != null) {
                    if (residualNode.isBoolean()) {
                        residual = residualNode.asBoolean();
                    } else {
                        problem(ProblemKind.WRONG_TYPE, "attention.residual", "true or false");
                    }
                }
                int headOutputs = heads.stream().mapToInt(h -> h.value().columns()).sum();
                JsonNode outputNode = node.get("output");
                if (outputNode != null) {
                    output = matrix(outputNode, "attention.output");
                    if (output != null && problems.size() == before) {
                        expectRows(output, "attention.output", headOutputs, ProblemKind.ROWS_HEAD_OUTPUTS);
                        expectColumns(output, "attention.output", d);
                    }
                } else if (problems.size() == before && headOutputs != d) {
                    problem(ProblemKind.OUTPUT_NEEDED, "attention.output", headOutputs, d);
                }
            }
            Attention.FeedForward feedForward = feedForward(root.get("feedForward"), d);
            Matrix f2 = null;
            JsonNode f2Node = root.get("f2");
            if (f2Node == null) {
                problem(ProblemKind.MISSING_FIELD, "f2");
            } else if (f2Node.isTextual()) {
                if (!LessonFormat.TIED.equals(f2Node.asText())) {
                    problem(ProblemKind.BAD_CHOICE, "f2", f2Node.asText(), "\"tied\", or one row of d numbers per token");
                }
            } else {
                f2 = matrix(f2Node, "f2");
                if (f2 != null) {
                    expectRows(f2, "f2", vocabulary.size(), ProblemKind.ROWS_VOCABULARY);
                    expectColumns(f2, "f2", d);
                }
            }
            if (problems.size() > before) {
                return null;
            }
            return new Attention((int) window, positions, learned, heads, output, residual, feedForward, f2);
        }

        /** query and key: d × dk alike; value: d × dv. */
        private Attention.Head head(JsonNode node, String at, int d) {
            if (!node.isObject()) {
                problem(ProblemKind.WRONG_TYPE, at, "object {\"query\", \"key\", \"value\"}");
                return null;
            }
            unknownFields(node, at + ".", LessonFormat.HEAD_FIELDS);
            int before = problems.size();
            Matrix[] m = new Matrix[3];
            for (int i = 0; i < 3; i++) {
                String name = LessonFormat.HEAD_FIELDS.get(i);
                JsonNode child = node.get(name);
                if (child == null) {
                    problem(ProblemKind.MISSING_FIELD, at + "." + name);
                } else {
                    m[i] = matrix(child, at + "." + name);
                    if (m[i] != null) {
                        expectRows(m[i], at + "." + name, d, ProblemKind.ROWS_EMBEDDING);
                    }
                }
            }
            if (m[0] != null && m[1] != null && m[1].columns() != m[0].columns()) {
                problem(ProblemKind.COLUMNS_LIKE, at + ".key", m[1].columns(), m[0].columns(), "query");
            }
            return problems.size() > before ? null : new Attention.Head(m[0], m[1], m[2]);
        }

        /** weights1 d × m, bias1 m, weights2 m × d, bias2 d. */
        private Attention.FeedForward feedForward(JsonNode node, int d) {
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                problem(ProblemKind.WRONG_TYPE, "feedForward", "object {\"weights1\", \"bias1\", \"weights2\", \"bias2\"}");
                return null;
            }
            unknownFields(node, "feedForward.", LessonFormat.FEED_FORWARD_FIELDS);
            int before = problems.size();
            for (String name : LessonFormat.FEED_FORWARD_FIELDS) {
                if (!node.has(name)) {
                    problem(ProblemKind.MISSING_FIELD, "feedForward." + name);
                }
            }
            if (problems.size() > before) {
                return null;
            }
            Matrix w1 = matrix(node.get("weights1"), "feedForward.weights1");
            Matrix w2 = matrix(node.get("weights2"), "feedForward.weights2");
            double[] b1 = numbers(node.get("bias1"), "feedForward.bias1");
            double[] b2 = numbers(node.get("bias2"), "feedForward.bias2");
            if (w1 != null) {
                expectRows(w1, "feedForward.weights1", d, ProblemKind.ROWS_EMBEDDING);
                if (b1 != null && b1.length != w1.columns()) {
                    problem(ProblemKind.LENGTH_LIKE_COLUMNS, "feedForward.bias1", b1.length, w1.columns(),
                            "feedForward.weights1");
                }
                if (w2 != null && w2.rows() != w1.columns()) {
                    problem(ProblemKind.ROWS_LIKE_COLUMNS, "feedForward.weights2", w2.rows(), w1.columns(),
                            "feedForward.weights1");
                }
            }
            if (w2 != null) {
                expectColumns(w2, "feedForward.weights2", d);
            }
            if (b2 != null && b2.length != d) {
                problem(ProblemKind.LENGTH_EMBEDDING, "feedForward.bias2", b2.length, d);
            }
            if (problems.size() > before) {
                return null;
            }
            return new Attention.FeedForward(w1, Values.of(b1), w2, Values.of(b2));
        }

        /** A list of rows of numbers, all of one length, at least one row of at least one number. */
        private Matrix matrix(JsonNode node, String field) {
            if (!node.isArray() || (!node.isEmpty() && !node.get(0).isArray())) {
                problem(ProblemKind.WRONG_TYPE, field, "list of rows (each a list of numbers)");
                return null;
            }
            if (node.isEmpty()) {
                problem(ProblemKind.EMPTY_WEIGHTS, field);
                return null;
            }
            double[][] rows = new double[node.size()][];
            boolean ok = true;
            for (int r = 0; r < rows.length; r++) {
                rows[r] = numbers(node.get(r), field + "[" + r + "]");
                if (rows[r] == null) {
                    ok = false;
                } else if (rows[0] != null && rows[r].length != rows[0].length) {
                    problem(ProblemKind.ROW_LENGTH, field + "[" + r + "]", rows[r].length, rows[0].length);
                    ok = false;
                }
            }
            if (ok && rows[0].length == 0) {
                problem(ProblemKind.EMPTY_WEIGHTS, field + "[0]");
                ok = false;
            }
            return ok ? Matrix.of(rows) : null;
        }

        private void expectRows(Matrix m, String field, int expected, ProblemKind why) {
            if (m.rows() != expected) {
                problem(why, field, m.rows(), expected);
            }
        }

        private void expectColumns(Matrix m, String field, int d) {
            if (m.columns() != d) {
                problem(ProblemKind.COLUMNS_EMBEDDING, field, m.columns(), d);
            }
        }

        private void unknownFields(JsonNode object, String prefix, List<String> known) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    var suggestion = Suggestions.closest(name, known);
                    if (suggestion.isPresent()) {
                        problem(ProblemKind.UNKNOWN_FIELD_SUGGESTION, prefix + name, suggestion.get());
                    } else {
                        problem(ProblemKind.UNKNOWN_FIELD, prefix + name);
                    }
                }
            }
        }

        /** Teacher notes: step id to text, in the file's order; a step id no lesson has is named with a guess. */
        private Map<String, String> notes(JsonNode node) {
            if (node == null) {
                return Map.of();
            }
            if (!node.isObject()) {
                problem(ProblemKind.WRONG_TYPE, "notes", "object {\"<step>\": \"text\"}");
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String step = entry.getKey();
                String field = "notes." + step;
                if (!LessonFormat.NOTE_STEPS.contains(step)) {
                    String steps = String.join(", ", LessonFormat.NOTE_STEPS);
                    var suggestion = Suggestions.closest(step, LessonFormat.NOTE_STEPS);
                    if (suggestion.isPresent()) {
                        problem(ProblemKind.UNKNOWN_STEP_SUGGESTION, field, step, suggestion.get(), steps);
                    } else {
                        problem(ProblemKind.UNKNOWN_STEP, field, step, steps);
                    }
                } else if (!entry.getValue().isTextual()) {
                    problem(ProblemKind.WRONG_TYPE, field, "text");
                } else {
                    out.put(step, entry.getValue().asText());
                }
            }
            return out;
        }

        private Vocabulary vocabulary(JsonNode node, InputKind input) {
            if (node == null) {
                problem(ProblemKind.MISSING_FIELD, "vocabulary");
                return null;
            }
            if (!node.isArray()) {
                problem(ProblemKind.WRONG_TYPE, "vocabulary", "list");
                return null;
            }
            if (node.isEmpty()) {
                problem(ProblemKind.EMPTY_VOCABULARY, "vocabulary");
                return null;
            }
            if (node.size() > LessonFormat.MAX_TOKENS) {
                problem(ProblemKind.TOO_MANY_TOKENS, "vocabulary", node.size(), LessonFormat.MAX_TOKENS);
                return null;
            }
            int before = problems.size();
            int n = node.size();
            List<String> tokens = new ArrayList<>(n);
            int[] ids = new int[n];
            double[][] embeddings = new double[n][];
            Map<String, Integer> seenTokens = new HashMap<>();
            Map<Integer, Integer> seenIds = new HashMap<>();
            int withEmbedding = 0;
            int expectedLength = -1;
            for (int i = 0; i < n; i++) {
                String at = "vocabulary[" + i + "]";
                JsonNode entry = node.get(i);
                if (!entry.isObject()) {
                    problem(ProblemKind.WRONG_TYPE, at, "object {\"token\", \"id\"}");
                    tokens.add("");
                    continue;
                }
                unknownFields(entry, at + ".", LessonFormat.TOKEN_FIELDS);
                String token = null;
                JsonNode tokenNode = entry.get("token");
                if (tokenNode == null) {
                    problem(ProblemKind.MISSING_FIELD, at + ".token");
                } else if (!tokenNode.isTextual()) {
                    problem(ProblemKind.WRONG_TYPE, at + ".token", "text");
                } else if (tokenNode.asText().isEmpty()) {
                    problem(ProblemKind.EMPTY_TOKEN, at + ".token");
                } else if (tokenNode.asText().chars().anyMatch(Character::isWhitespace)) {
                    problem(ProblemKind.TOKEN_HAS_SPACE, at + ".token", tokenNode.asText());
                } else {
                    token = tokenNode.asText();
                    Integer first = seenTokens.putIfAbsent(token, i);
                    if (first != null) {
                        problem(ProblemKind.DUPLICATE_TOKEN, at + ".token", token, "vocabulary[" + first + "]");
                    }
                }
                tokens.add(token == null ? "" : token);
                JsonNode idNode = entry.get("id");
                if (idNode == null) {
                    problem(ProblemKind.MISSING_FIELD, at + ".id");
                } else if (!isWhole(idNode) || idNode.asDouble() < 0 || idNode.asDouble() > Integer.MAX_VALUE) {
                    problem(ProblemKind.WRONG_TYPE, at + ".id", "whole number from 0 to " + Integer.MAX_VALUE);
                } else {
                    ids[i] = idNode.asInt();
                    Integer first = seenIds.putIfAbsent(ids[i], i);
                    if (first != null) {
                        problem(ProblemKind.DUPLICATE_ID, at + ".id", ids[i], "vocabulary[" + first + "]");
                    }
                }
                JsonNode embeddingNode = entry.get("embedding");
                if (embeddingNode != null) {
                    withEmbedding++;
                    double[] e = numbers(embeddingNode, at + ".embedding");
                    if (e != null) {
                        if (e.length == 0) {
                            problem(ProblemKind.EMBEDDING_EMPTY, at + ".embedding");
                        } else if (expectedLength < 0) {
                            expectedLength = e.length;
                        } else if (e.length != expectedLength) {
                            problem(ProblemKind.EMBEDDING_LENGTH, at + ".embedding", e.length, expectedLength);
                        }
                        embeddings[i] = e;
                    }
                }
            }
            if (input == InputKind.EMBEDDINGS && withEmbedding == 0) {
                problem(ProblemKind.EMBEDDINGS_MISSING, "vocabulary");
            } else if (withEmbedding > 0 && withEmbedding < n) {
                for (int i = 0; i < n; i++) {
                    if (node.get(i).isObject() && node.get(i).get("embedding") == null) {
                        problem(ProblemKind.EMBEDDINGS_PARTIAL, "vocabulary[" + i + "].embedding");
                        break;
                    }
                }
            }
            if (problems.size() > before) {
                return null;
            }
            return Vocabulary.of(tokens, ids, withEmbedding == 0 ? null : embeddings);
        }

        private Values weights(JsonNode root, String field, boolean required) {
            JsonNode node = root.get(field);
            if (node == null) {
                if (required) {
                    problem(ProblemKind.MISSING_FIELD, field);
                }
                return null;
            }
            double[] w = numbers(node, field);
            if (w == null) {
                return null;
            }
            if (w.length == 0) {
                problem(ProblemKind.EMPTY_WEIGHTS, field);
                return null;
            }
            return Values.of(w);
        }

        private double[] numbers(JsonNode node, String field) {
            if (!node.isArray()) {
                problem(ProblemKind.WRONG_TYPE, field, "list of numbers");
                return null;
            }
            double[] out = new double[node.size()];
            boolean ok = true;
            for (int i = 0; i < out.length; i++) {
                JsonNode item = node.get(i);
                if (!item.isNumber()) {
                    problem(ProblemKind.WRONG_TYPE, field + "[" + i + "]", "number");
                    ok = false;
                } else if (!Double.isFinite(item.asDouble())) {
                    problem(ProblemKind.NOT_FINITE, field + "[" + i + "]");
                    ok = false;
                } else {
                    out[i] = item.asDouble();
                }
            }
            return ok ? out : null;
        }

        private double number(JsonNode root, String field, double fallback) {
            JsonNode node = root.get(field);
            if (node == null) {
                return fallback;
            }
            if (!node.isNumber()) {
                problem(ProblemKind.WRONG_TYPE, field, "number");
                return fallback;
            }
            if (!Double.isFinite(node.asDouble())) {
                problem(ProblemKind.NOT_FINITE, field);
                return fallback;
            }
            return node.asDouble();
        }

        private long whole(JsonNode root, String field, long fallback) {
            JsonNode node = root.get(field);
            if (node == null) {
                return fallback;
            }
            if (!isWhole(node) || !node.canConvertToLong()) {
                problem(ProblemKind.WRONG_TYPE, field, "whole number");
                return fallback;
            }
            return node.asLong();
        }

        private static boolean isWhole(JsonNode node) {
            if (node.isIntegralNumber()) {
                return true;
            }
            return node.isNumber() && Double.isFinite(node.asDouble()) && node.asDouble() == Math.rint(node.asDouble());
        }

        private String optionalText(JsonNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                problem(ProblemKind.WRONG_TYPE, field, "text");
                return null;
            }
            return node.asText();
        }

        /** A prompt is a list of words; a single string is split on spaces, as a teacher would type it. */
        private List<String> words(JsonNode node, String field, boolean required) {
            if (node == null) {
                if (required) {
                    problem(ProblemKind.MISSING_FIELD, field);
                }
                return null;
            }
            if (node.isTextual()) {
                String text = node.asText().trim();
                return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
            }
            return strings(node, field);
        }

        private List<String> strings(JsonNode node, String field) {
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                problem(ProblemKind.WRONG_TYPE, field, "list of text");
                return List.of();
            }
            List<String> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    problem(ProblemKind.WRONG_TYPE, field + "[" + i + "]", "text");
                } else {
                    out.add(node.get(i).asText());
                }
            }
            return out;
        }

        private static String plain(double v) {
            return nexttoken.model.NumberText.plain(v);
        }
    }
}
