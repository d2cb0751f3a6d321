package nexttoken.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nexttoken.lesson.Suggestions;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's own complaints ("Unmatched argument at index 0", "Invalid value for option")
 * said as the rest of the command line says things: one sentence from the bundles, in the
 * interface language, with a did-you-mean where a close name exists.
 */
final class ParseErrors {
    private ParseErrors() {
    }

    /** The problem to print for a parse failure, or null when picocli's own sentence is the best there is. */
    static Problem of(CommandLine.ParameterException ex) {
        CommandSpec command = ex.getCommandLine().getCommandSpec();
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(command, unmatched.getUnmatched().get(0));
        }
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return Problem.of(ProblemKind.MISSING_FIELD, name(missing.getMissing().get(0)));
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg instanceof OptionSpec option && ex.getValue() != null) {
            Class<?> type = option.type().isArray() ? option.type().getComponentType() : option.type();
            if (isWhole(type)) {
                return Problem.of(ProblemKind.OPTION_NOT_WHOLE, option.longestName(), ex.getValue());
            }
            if (isNumber(type)) {
                return Problem.of(ProblemKind.OPTION_NOT_A_NUMBER, option.longestName(), ex.getValue());
            }
        }
        return null;
    }

    private static Problem unmatched(CommandSpec command, String word) {
        if (word.startsWith("-")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> known = new ArrayList<>();
            command.options().forEach(o -> known.addAll(List.of(o.names())));
            Optional<String> close = Suggestions.closest(name, known);
            return close.map(s -> Problem.of(ProblemKind.UNKNOWN_OPTION_SUGGESTION, name, command.qualifiedName(" "), s))
                    .orElseGet(() -> Problem.of(ProblemKind.UNKNOWN_OPTION, name, command.qualifiedName(" ")));
        }
        if (command.parent() == null) {
            List<String> commands = commandNames(command);
            Optional<String> close = Suggestions.closest(word, commands);
            return close.map(s -> Problem.of(ProblemKind.UNKNOWN_COMMAND_SUGGESTION, null, word, s, String.join(", ", commands)))
                    .orElseGet(() -> Problem.of(ProblemKind.UNKNOWN_COMMAND, null, word, String.join(", ", commands)));
        }
        return Problem.of(ProblemKind.UNEXPECTED_ARGUMENT, null, word, command.qualifiedName(" "));
    }

    /** The commands a person would type, without picocli's built-in help command. */
    static List<String> commandNames(CommandSpec top) {
        return top.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static boolean isWhole(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    private static boolean isNumber(Class<?> type) {
        return isWhole(type) || type == double.class || type == Double.class;
    }
}
