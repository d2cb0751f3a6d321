package nexttoken.poll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A lesson file whose tokens are markup and script: a phone must show them as text, and run none. */
final class HostileLesson {
    static final List<String> TOKENS = List.of("<b>azul</b>", "<img/src=x/onerror=document.title='owned'>",
            "</script><script>document.title='owned'</script>", "&amp;", "\"';--");

    private HostileLesson() {
    }

    static Path write(Path dir) throws IOException {
        StringBuilder vocabulary = new StringBuilder();
        for (int i = 0; i < TOKENS.size(); i++) {
            String escaped = TOKENS.get(i).replace("\\", "\\\\").replace("\"", "\\\"");
            vocabulary.append(i == 0 ? "" : ",\n").append("    {\"token\": \"").append(escaped).append("\", \"id\": ")
                    .append(100 + i).append('}');
        }
        String json = "{\n  \"format\": \"nexttoken-lesson/1\",\n  \"title\": \"<h1>hostile</h1>\",\n  \"language\": \"en\",\n"
                + "  \"vocabulary\": [\n" + vocabulary + "\n  ],\n"
                + "  \"prompt\": [\"&amp;\", \"<b>azul</b>\"],\n  \"input\": \"ids\",\n  \"f1\": [1.0, 0.5],\n"
                + "  \"f2\": [2.5, 0.7, 2.0, 0.2, 0.5],\n  \"normalization\": \"softmax\",\n  \"temperature\": 100.0\n}\n";
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
