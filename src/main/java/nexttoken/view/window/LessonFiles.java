package nexttoken.view.window;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import nexttoken.export.PngExport;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.GeneratedLessons;
import nexttoken.lesson.LessonReader;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.presenter.LessonModel;
import nexttoken.presenter.Session;
import nexttoken.settings.UserSettings;
import nexttoken.view.Texts;

/**
 * Opening and saving lessons: files, built-in lessons and their twin in the other language,
 * and the question before unsaved edits would be lost. A file that fails to open says why
 * in the window's banner, and the current lesson stays.
 */
public final class LessonFiles {
    private final Session session;
    private final LessonModel lessons;
    private final UserSettings settings;
    private final Dialogs dialogs;
    private final Texts texts;
    private final Consumer<String> status;

    public LessonFiles(Session session, UserSettings settings, Dialogs dialogs, Texts texts, Consumer<String> status) {
        this.session = session;
        this.lessons = session.lessons();
        this.settings = settings;
        this.dialogs = dialogs;
        this.texts = texts;
        this.status = status;
    }

    /** Opens a lesson file; a file that fails shows the model's message and the current lesson stays. */
    public void openFile(Path file) {
        if (!unsavedChangesMayGo()) {
            return;
        }
        LessonReader.Result result = LessonReader.read(file);
        if (result.ok()) {
            lessons.load(result.lesson(), file.toString());
            settings.addRecentFile(file.toAbsolutePath().toString());
        } else {
            lessons.reportLoadProblem(result.firstProblem());
        }
    }

    public void chooseAndOpen() {
        dialogs.openLesson().ifPresent(this::openFile);
    }

    /**
     * Opens a built-in lesson. A real-vocabulary one takes a second or two to build, so it
     * is built off the FX thread and the window stays responsive meanwhile.
     */
    public void loadBuiltIn(String id) {
        Locale locale = session.getLanguage();
        if (!GeneratedLessons.isGenerated(id)) {
            lessons.load(BuiltInLessons.load(id, locale), id);
            return;
        }
        status.accept(texts.get("status.loading_vocabulary"));
        CompletableFuture.supplyAsync(() -> BuiltInLessons.load(id, locale))
                .thenAccept(lesson -> Platform.runLater(() -> {
                    lessons.load(lesson, id);
                    status.accept("");
                }));
    }

    /**
     * The whole UI in another language. A built-in lesson no one has edited is swapped for
     * its twin, so the tokens follow the language too; an edited one stays as it is.
     */
    public void switchLanguage(Locale locale) {
        settings.setLanguage(locale);
        String source = lessons.source();
        String twin = BuiltInLessons.inLanguage(source, locale);
        boolean untouched = lessons.get().equals(lessons.originalLessonProperty().get()) && !lessons.isDirty();
        session.setLanguage(locale);
        if (BuiltInLessons.exists(source) && !twin.equals(source) && untouched) {
            lessons.load(BuiltInLessons.load(twin), twin);
        }
    }

    /** Saves to the lesson's own file; a built-in lesson asks for a file instead. */
    public void save() {
        String source = lessons.source();
        if (BuiltInLessons.exists(source)) {
            saveAs();
        } else {
            saveTo(Path.of(source));
        }
    }

    public void saveAs() {
        dialogs.saveLesson(PngExport.lessonName(lessons.source()) + ".json").ifPresent(this::saveTo);
    }

    /** Writes the lesson as edited, atomically; true when it is on disk. */
    public boolean saveTo(Path file) {
        try {
            LessonWriter.write(lessons.get(), file);
            lessons.markSaved(file.toString());
            settings.addRecentFile(file.toAbsolutePath().toString());
            status.accept(texts.format("status.saved", file));
            return true;
        } catch (IOException | RuntimeException e) {
            lessons.reportLoadProblem(Problem.of(ProblemKind.WRITE_FAILED, null, String.valueOf(e.getMessage()))
                    .inSource(file.toString()));
            return false;
        }
    }

    /** True when nothing unsaved would be lost, or the person chose to save or discard it. */
    public boolean unsavedChangesMayGo() {
        if (!lessons.isDirty()) {
            return true;
        }
        return switch (dialogs.askUnsaved()) {
            case SAVE -> {
                save();
                yield !lessons.isDirty();
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }
}
