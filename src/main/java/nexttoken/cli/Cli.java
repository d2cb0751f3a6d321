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
            Problem problem = ParseErrors.of(ex);
            err.println("error: " + (problem != null ? problem.describe(languageOf(args, ex.getCommandLine()))
                    : oneLine(ex.getMessage())) + " (see --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof UserError user) {
                err.println("error: " + user.problem().describe(interfaceLanguage(commandLine)));
                return BAD_INPUT;
            }
            err.println("error: unexpected failure, please report it: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage())));
            return FAILURE;
        });
        return cli.execute(args);
    }

    /**
     * The one language rule (README, "The command line"): every sentence the program writes
     * follows --language when the command has it, else the system's language; what a lesson
     * holds (title, tokens, description) stays in the lesson's own language.
     */
    /** As {@link #interfaceLanguage}, for a line that did not parse: a --language es|en in it still counts. */
    private static Locale languageOf(String[] args, CommandLine commandLine) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--language=") ? args[i].substring("--language=".length())
                    : args[i].equals("--language") && i + 1 < args.length ? args[i + 1] : null;
            if ("es".equals(value) || "en".equals(value)) {
                return Locale.forLanguageTag(value);
            }
        }
        return interfaceLanguage(commandLine);
    }

    static Locale interfaceLanguage(CommandLine commandLine) {
        Object command = commandLine.getCommand();
        if (command instanceof WithLessonOptions w && w.options() != null) {
            return w.options().interfaceLanguage();
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
