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
        LessonOptions.checkFinite("--learning-rate", learningRate);
        if (learningRate <= 0) {
            throw LessonOptions.range("--learning-rate", NumberText.plain(learningRate), "LR > 0");
        }
        Lesson lesson = options.load();
        OutputFiles files = outputFiles();
        if (out != null) {
            files.notAFolder(out, "trained.json"); // before a long run, not after it
        }
        Training.Run run = Training.train(lesson, steps, learningRate);
        if (run.problem() != null) {
            if ("json".equals(format) && !run.losses().isEmpty()) {
                // A class charts the divergence too: the losses up to the step that ran away, then the error.
                printLosses(run.losses(), true);
            }
            throw new UserError(run.problem().inSource(options.source));
        }
        if (out != null) {
            boolean replacing = files.file(out, "trained.json");
            try {
                LessonWriter.write(run.lesson(), out);
            } catch (IOException | SecurityException e) {
                throw files.writeFailed(e, out);
            }
            if (replacing) {
                files.replaced(out);
            }
        }
        PrintWriter printer = out();
        List<Double> losses = run.losses();
        if ("json".equals(format)) {
            printLosses(losses, false);
        } else {
            Messages m = new Messages(options.interfaceLanguage());
            // Read as the text trace reads numbers (issue 17): 1.756, not 1.75641953856; JSON keeps every digit.
            printer.println(m.format("train.before", NumberText.reading(losses.get(0), java.util.Locale.ROOT)));
            printer.println(m.format("train.after", steps,
                    NumberText.reading(losses.get(losses.size() - 1), java.util.Locale.ROOT)));
            if (out != null) {
                printer.println(m.format("train.written", out));
            }
        }
        printer.flush();
        return Cli.OK;
    }

    /**
     * {"steps": N, "loss": [l0, …, lN]}; a run that diverged says so and how many steps were
     * asked for, and "steps" stays the number of steps the losses cover.
     */
    private void printLosses(List<Double> losses, boolean diverged) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("steps", losses.size() - 1);
        if (diverged) {
            root.put("requestedSteps", steps);
            root.put("diverged", true);
        }
        ArrayNode loss = root.putArray("loss");
        losses.forEach(loss::add);
        PrintWriter printer = out();
        printer.println(json.writeValueAsString(root));
        printer.flush();
    }
}
