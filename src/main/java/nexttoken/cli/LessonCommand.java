package nexttoken.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nexttoken.model.Lesson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that reads a lesson shares: the lesson options and where to print. */
abstract class LessonCommand implements Callable<Integer>, Cli.WithLessonOptions {
    @Mixin
    LessonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public LessonOptions options() {
        return options;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Notes that do not stop the run (an option with no effect, a file replaced) go to stderr, one line each. */
    void note(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(line);
        err.flush();
    }

    OutputFiles outputFiles() {
        return new OutputFiles(new nexttoken.report.Messages(options.interfaceLanguage()), this::note);
    }

    /** The lesson with the options applied, after saying which of them cannot change this run. */
    Lesson loadNoting(boolean greedy) {
        Lesson lesson = options.load();
        String warning = options.ignoredWarning(lesson, greedy, options.interfaceLanguage());
        if (warning != null) {
            note(warning);
        }
        return lesson;
    }

    /** Refuses a --format the command does not write. */
    static void checkFormat(String format, String... allowed) {
        if (!java.util.List.of(allowed).contains(format)) {
            throw LessonOptions.bad("--format", format, String.join(", ", allowed));
        }
    }
}
