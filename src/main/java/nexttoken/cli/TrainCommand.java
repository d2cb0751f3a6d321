package nexttoken.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.Lesson;
import nexttoken.model.NumberText;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.model.Training;
import nexttoken.report.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a lesson's weights (and embeddings) on its corpus by gradient descent and writes the trained lesson.")
final class TrainCommand extends LessonCommand {
    static final int MAX_STEPS = 1_000_000;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100", description = "Gradient steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.1",
            description = "Step size. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the trained lesson.")
    Path out;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text, or json: {\"steps\": N, \"loss\": [l0, …, lN]}. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws IOException {
        checkFormat(format, "text", "json");
        if (steps < 0 || steps > MAX_STEPS) {
            throw LessonOptions.range("--steps", Integer.toString(steps), "0 ≤ N ≤ " + MAX_STEPS);
        }
        if (!Double.isFinite(learningRate)) {
            throw new UserError(Problem.of(ProblemKind.NOT_FINITE, "--learning-rate"));
        }
        if (learningRate <= 0) {
            throw LessonOptions.range("--learning-rate", NumberText.plain(learningRate), "LR > 0");
        }
        Lesson lesson = options.load();
        Training.Run run = Training.train(lesson, steps, learningRate);
        if (run.problem() != null) {
            throw new UserError(run.problem().inSource(options.source));
        }
        if (out != null) {
            try {
                LessonWriter.write(run.lesson(), out);
            } catch (IOException | SecurityException e) {
                throw new UserError(Problem.of(ProblemKind.WRITE_FAILED, null, String.valueOf(e.getMessage()))
                        .inSource(out.toString()));
            }
        }
        PrintWriter printer = out();
        List<Double> losses = run.losses();
        if ("json".equals(format)) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            root.put("steps", steps);
            ArrayNode loss = root.putArray("loss");
            losses.forEach(loss::add);
            printer.println(json.writeValueAsString(root));
        } else {
            Messages m = new Messages(options.locale());
            printer.println(m.format("train.before", NumberText.plain(losses.get(0))));
            printer.println(m.format("train.after", steps, NumberText.plain(losses.get(losses.size() - 1))));
            if (out != null) {
                printer.println(m.format("train.written", out));
            }
        }
        printer.flush();
        return Cli.OK;
    }
}
