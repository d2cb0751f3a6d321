package nexttoken.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Random;
import nexttoken.model.Generation;
import nexttoken.model.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Predicts N tokens one after another, the context window sliding, seeded.")
final class GenerateCommand extends LessonCommand {
    static final int MAX_TOKENS = 100_000;
    static final int MAX_RUNS = 10_000;

    @Option(names = {"--tokens", "-n"}, paramLabel = "N", defaultValue = "5",
            description = "The most new tokens to generate (fewer when the lesson's endToken comes first). Default: ${DEFAULT-VALUE}.")
    int tokens;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "1",
            description = "How many sentences to generate, one per line, as the post's ten runs. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--greedy", description = "Always take the most probable token instead of sampling.")
    boolean greedy;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (one sentence per line) or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        checkFormat(format, "text", "json");
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw LessonOptions.range("--tokens", Integer.toString(tokens), "1 ≤ N ≤ " + MAX_TOKENS);
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw LessonOptions.range("--runs", Integer.toString(runs), "1 ≤ R ≤ " + MAX_RUNS);
        }
        Lesson lesson = loadNoting(greedy);
        long seed = options.seedOr(lesson.seed() != null ? lesson.seed() : TraceCommand.DEFAULT_SEED);
        Random random = new Random(seed);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("seed", seed);
        root.put("greedy", greedy);
        ArrayNode sentences = root.putArray("runs");
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            Generation.Result result = Generation.generate(lesson, lesson.prompt(), tokens, random, greedy);
            if (result.problem() != null) {
                throw new UserError(result.problem().inSource(options.source));
            }
            ObjectNode run = sentences.addObject();
            ArrayNode prompt = run.putArray("prompt");
            result.prompt().forEach(prompt::add);
            ArrayNode generated = run.putArray("generated");
            result.tokens().forEach(t -> generated.add(t.token()));
            run.put("text", String.join(" ", result.text()));
            run.put("ended", result.ended());
            text.append(String.join(" ", result.text())).append('\n');
        }
        PrintWriter out = out();
        out.print("json".equals(format)
                ? json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n"
                : text.toString());
        out.flush();
        return Cli.OK;
    }
}
