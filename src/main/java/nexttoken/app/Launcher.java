package nexttoken.app;

import java.util.Set;
import nexttoken.cli.Cli;

/**
 * The jar's entry point. It is not an {@code Application}: launching one straight from
 * a class-path jar fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of("trace", "generate", "export", "train", "lessons", "help");

    private Launcher() {
    }

    public static void main(String[] args) {
        // Loaded from the class path on purpose (see above); the warnings would only alarm a teacher.
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
        java.util.logging.Logger.getLogger("java.util.prefs").setLevel(java.util.logging.Level.WARNING);
        if (opensApp(args)) {
            NextTokenApp.main(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }

    /** No arguments, one lesson file, or {@code --present [LESSON]} opens the app; anything else is the command line. */
    static boolean opensApp(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args[0].equals(NextTokenApp.PRESENT)) {
            return args.length <= 2;
        }
        return args.length == 1 && !args[0].startsWith("-") && !COMMANDS.contains(args[0]);
    }
}
