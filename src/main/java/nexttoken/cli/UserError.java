package nexttoken.cli;

import nexttoken.model.Problem;

/** Bad input found while running a command: printed as one {@code error:} line, exit status 2. */
final class UserError extends RuntimeException {
    private final transient Problem problem;

    UserError(Problem problem) {
        super(problem.kind().name(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
