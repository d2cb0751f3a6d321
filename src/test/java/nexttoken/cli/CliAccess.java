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

    /** What a run printed. */
    public record Result(int status, String out, String err) {
    }

    public static Result runCapturing(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
