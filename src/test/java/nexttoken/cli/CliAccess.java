package nexttoken.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process for tests outside this package. */
public final class CliAccess {
    private CliAccess() {
    }

    public static int run(String... args) {
        return Cli.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }
}
