package nexttoken.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

    /** Refuses a --format the command does not write. */
    static void checkFormat(String format, String... allowed) {
        if (!java.util.List.of(allowed).contains(format)) {
            throw LessonOptions.bad("--format", format, String.join(", ", allowed));
        }
    }
}
