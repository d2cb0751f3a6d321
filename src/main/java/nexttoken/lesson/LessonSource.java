package nexttoken.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import nexttoken.model.Lesson;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;

/** A lesson named the way a teacher types it: a file, or a built-in id (part2, part3-en, cl100k). */
public final class LessonSource {
    /** The lesson and where it came from, or the one problem why not. */
    public record Opened(Lesson lesson, String source, Problem problem) {
    }

    private LessonSource() {
    }

    /**
     * @param language null to take a built-in id as it is; else the built-in lesson's twin in that language
     * @param titles   the language of a generated lesson's title and description (cl100k)
     * @param option   the option or field that named it, for the message ("--lesson")
     */
    public static Opened open(String name, Locale language, Locale titles, String option) {
        Path file = Path.of(name);
        if (Files.isRegularFile(file) || name.endsWith(".json") || name.contains("/") || name.contains("\\")) {
            LessonReader.Result result = LessonReader.read(file);
            return result.ok() ? new Opened(result.lesson(), name, null) : new Opened(null, name, result.firstProblem());
        }
        String id = language == null ? name : BuiltInLessons.inLanguage(name, language);
        return BuiltInLessons.find(id, titles)
                .map(l -> new Opened(l, id, null))
                .orElseGet(() -> new Opened(null, id, Problem.of(ProblemKind.UNKNOWN_LESSON, option, name,
                        String.join(", ", BuiltInLessons.ids()))));
    }
}
