package nexttoken.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "lessons", mixinStandardHelpOptions = true, description = "Lists the built-in lessons.")
final class LessonsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String id : BuiltInLessons.ids()) {
            Lesson lesson = BuiltInLessons.load(id);
            out.printf("%-9s %-3s %s%n", id, lesson.language(), lesson.title());
        }
        out.flush();
        return Cli.OK;
    }
}
