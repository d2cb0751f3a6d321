package nexttoken.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import nexttoken.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line of contracts.md. Every failure a person can cause ends as one
 * {@code error:} line on stderr and exit status 2; nothing prints a stack trace.
 */
@Command(name = "nexttoken",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = {"How a language model picks the next word, one function at a time.",
                "With no command, or with a lesson file as the only argument, opens the app."},
        subcommands = {TraceCommand.class, GenerateCommand.class, ExportCommand.class, TrainCommand.class, LessonsCommand.class, PollCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return run(args, o, e);
        } finally {
            o.flush();
            e.flush();
        }
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            err.println("error: " + oneLine(ex.getMessage()) + " (see --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof UserError user) {
                err.println("error: " + user.problem().describe(languageOf(commandLine)));
                return BAD_INPUT;
            }
            err.println("error: unexpected failure, please report it: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage())));
            return FAILURE;
        });
        return cli.execute(args);
    }

    /** Messages follow --language when the command has it, else the system's language. */
    private static Locale languageOf(CommandLine commandLine) {
        Object command = commandLine.getCommand();
        if (command instanceof WithLessonOptions w && w.options().language != null
                && (w.options().language.equals("es") || w.options().language.equals("en"))) {
            return Locale.forLanguageTag(w.options().language);
        }
        return Problem.supported(Locale.getDefault());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Reads the version Maven writes into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"NextToken " + (v == null ? "(development build)" : v)};
        }
    }

    /** Commands that read a lesson. */
    interface WithLessonOptions {
        LessonOptions options();
    }
}
