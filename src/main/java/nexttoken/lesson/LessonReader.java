package nexttoken.lesson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import nexttoken.model.InputKind;
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

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(LessonFormat.MAX_DEPTH)
                    .maxStringLength(1_000_000)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

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
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            root = MAPPER.readTree(parser);
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
            Values f1 = weights(root, "f1", true);
            Values f2 = weights(root, "f2", false);
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

            if (vocabulary == null || f1 == null) {
                return null;
            }
            int d = vocabulary.embeddingLength();
            int context = f1.size();
            if (input == InputKind.EMBEDDINGS && d > 0) {
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
                if (prompt.size() < context) {
                    problem(ProblemKind.PROMPT_TOO_SHORT, "prompt", prompt.size(), context);
                }
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
                    temperature, (int) topK, topP, seed, corpus, notes);
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
