package nexttoken.cli;

import nexttoken.model.Composition;
import nexttoken.model.Lesson;
import nexttoken.model.Sampling;
import nexttoken.model.Trace;
import nexttoken.report.TraceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Computes one prediction and prints every composition step.")
final class TraceCommand extends LessonCommand {
    /** Seed for --samples when neither the lesson nor --seed gives one. */
    static final long DEFAULT_SEED = 42;
    static final int MAX_SAMPLES = 100_000_000;

    @Option(names = "--format", paramLabel = "json|text|markdown", defaultValue = "text",
            description = "json (the contract), text, or markdown (a worked example for a handout). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--samples", paramLabel = "N", description = "Also draw N tokens and report the counts.")
    Integer samples;

    @Override
    public Integer call() {
        checkFormat(format, "json", "text", "markdown");
        if (samples != null && (samples < 0 || samples > MAX_SAMPLES)) {
            throw LessonOptions.range("--samples", Integer.toString(samples), "0 ≤ N ≤ " + MAX_SAMPLES);
        }
        Lesson lesson = loadNoting(false);
        Trace trace = Composition.compute(lesson);
        if (!trace.isComplete()) {
            throw new UserError(trace.problem().inSource(options.source));
        }
        TraceReport.Samples drawn = null;
        if (samples != null) {
            long seed = options.seedOr(lesson.seed() != null ? lesson.seed() : DEFAULT_SEED);
            drawn = new TraceReport.Samples(seed, samples, Sampling.draw(trace, seed, samples));
        }
        String report = switch (format) {
            case "json" -> TraceReport.json(trace, drawn);
            case "markdown" -> TraceReport.markdown(trace, drawn, options.interfaceLanguage());
            default -> TraceReport.text(trace, drawn, options.interfaceLanguage());
        };
        out().print(report);
        out().flush();
        return Cli.OK;
    }
}
