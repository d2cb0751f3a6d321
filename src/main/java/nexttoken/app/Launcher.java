package nexttoken.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import nexttoken.cli.Cli;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.report.Messages;

/**
 * The jar's entry point. It is not an {@code Application}: launching one straight from
 * a class-path jar fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of("trace", "generate", "export", "train", "lessons", "help");
    /** What works over SSH or in a script, named when the window cannot open. */
    static final String HEADLESS_COMMANDS = "trace, generate, export, train, lessons";

    // Loaded from the class path on purpose (see above); the warnings would only alarm a teacher.
    // Held here: the logging framework keeps loggers weakly, and a collected logger forgets its level.
    private static final java.util.logging.Logger QUIET_JAVAFX = java.util.logging.Logger.getLogger("javafx");
    /** Java preferences are read once, to carry an earlier version's settings over (SettingsFile). */
    private static final java.util.logging.Logger QUIET_PREFERENCES = java.util.logging.Logger.getLogger("java.util.prefs");

    private Launcher() {
    }

    public static void main(String[] args) {
        QUIET_JAVAFX.setLevel(java.util.logging.Level.SEVERE);
        QUIET_PREFERENCES.setLevel(java.util.logging.Level.WARNING);
        if (!opensApp(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        Locale language = Problem.supported(Locale.getDefault());
        Messages messages = new Messages(language);
        if (noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"))) {
            System.exit(noDisplay(messages.get("cli.no_display.unset")));
        }
        try {
            NextTokenApp.main(args);
        } catch (RuntimeException e) {
            if (NextTokenApp.started()) {
                throw e;
            }
            // The toolkit itself would not start (GTK: "Unable to open DISPLAY"): the window needs a display.
            System.exit(noDisplay(messages.format("cli.no_display.failed", e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage().strip())));
        }
    }

    private static int noDisplay(String why) {
        Locale language = Problem.supported(Locale.getDefault());
        String line = "error: " + Problem.of(ProblemKind.NO_DISPLAY, null, why, HEADLESS_COMMANDS).describe(language);
        // Through Cli's UTF-8 writer, as every other error line, so an accent survives LANG=C.
        java.io.PrintWriter err = new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        err.println(line);
        err.flush();
        return Cli.BAD_INPUT;
    }

    /**
     * No arguments, one lesson file, or {@code --present [LESSON]} opens the app; anything else is the command line.
     * One word that is neither a file nor looks like one ({@code tarce}) is a misspelt
     * command, so the command line says so instead of opening a window on a missing lesson.
     */
    static boolean opensApp(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args[0].equals(NextTokenApp.PRESENT)) {
            return args.length <= 2;
        }
        if (args.length != 1 || args[0].startsWith("-") || COMMANDS.contains(args[0])) {
            return false;
        }
        String word = args[0];
        return Files.exists(Path.of(word)) || word.endsWith(".json") || word.contains("/") || word.contains("\\");
    }

    /**
     * On Linux and the BSDs a window needs an X or Wayland display; the headless Monocle
     * platform (tests, the benchmark) needs none. macOS and Windows always have one.
     */
    static boolean noDisplay(java.util.Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return false;
        }
        return isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
