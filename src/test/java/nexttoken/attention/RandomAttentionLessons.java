package nexttoken.attention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Attention lessons nobody designed: shapes and numbers drawn from a seed, written as
 * lesson files, so the model is checked on lessons it was not tuned for.
 */
final class RandomAttentionLessons {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param positions "none", "sinusoidal" or "learned"
     * @param heads     one {dk, dv} per head
     * @param output    whether to write W_O (required unless the dv add up to d)
     * @param hidden    feed-forward width, 0 for none
     */
    record Shape(int vocabulary, int d, int window, String positions, int[][] heads, boolean output,
                 boolean residual, int hidden, boolean tied, int promptLength) {
    }

    private RandomAttentionLessons() {
    }

    static String lesson(Shape s, long seed) {
        Random random = new Random(seed);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "nexttoken-lesson/1");
        root.put("title", "random " + seed);
        ArrayNode vocabulary = root.putArray("vocabulary");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < s.vocabulary(); i++) {
            String token = "w" + i;
            tokens.add(token);
            ObjectNode t = vocabulary.addObject();
            t.put("token", token);
            t.put("id", 100 + i);
            vector(t.putArray("embedding"), s.d(), random);
        }
        ArrayNode prompt = root.putArray("prompt");
        for (int i = 0; i < s.promptLength(); i++) {
            prompt.add(tokens.get(random.nextInt(tokens.size())));
        }
        root.put("input", "embeddings");
        root.put("window", s.window());
        if (s.positions().equals("learned")) {
            matrix(root.putArray("positions"), s.window(), s.d(), random);
        } else {
            root.put("positions", s.positions());
        }
        ObjectNode attention = root.putObject("attention");
        ArrayNode heads = attention.putArray("heads");
        int values = 0;
        for (int[] head : s.heads()) {
            ObjectNode h = heads.addObject();
            matrix(h.putArray("query"), s.d(), head[0], random);
            matrix(h.putArray("key"), s.d(), head[0], random);
            matrix(h.putArray("value"), s.d(), head[1], random);
            values += head[1];
        }
        if (s.output()) {
            matrix(attention.putArray("output"), values, s.d(), random);
        }
        attention.put("residual", s.residual());
        if (s.hidden() > 0) {
            ObjectNode ff = root.putObject("feedForward");
            matrix(ff.putArray("weights1"), s.d(), s.hidden(), random);
            vector(ff.putArray("bias1"), s.hidden(), random);
            matrix(ff.putArray("weights2"), s.hidden(), s.d(), random);
            vector(ff.putArray("bias2"), s.d(), random);
        }
        if (s.tied()) {
            root.put("f2", "tied");
        } else {
            matrix(root.putArray("f2"), s.vocabulary(), s.d(), random);
        }
        root.put("temperature", 0.5 + random.nextInt(10) / 10.0);
        ArrayNode corpus = root.putArray("corpus");
        for (int sentence = 0; sentence < 3; sentence++) {
            StringBuilder text = new StringBuilder();
            int length = 2 + random.nextInt(s.window() + 2);
            for (int w = 0; w < length; w++) {
                text.append(w == 0 ? "" : " ").append(tokens.get(random.nextInt(tokens.size())));
            }
            corpus.add(text.toString());
        }
        return root.toPrettyString();
    }

    /** Numbers of one decimal in [−1, 1], as a class would write them. */
    private static void vector(ArrayNode array, int n, Random random) {
        for (int i = 0; i < n; i++) {
            array.add((random.nextInt(21) - 10) / 10.0);
        }
    }

    private static void matrix(ArrayNode array, int rows, int columns, Random random) {
        for (int r = 0; r < rows; r++) {
            vector(array.addArray(), columns, random);
        }
    }
}
