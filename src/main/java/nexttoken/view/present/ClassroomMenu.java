package nexttoken.view.present;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import nexttoken.export.Handout;
import nexttoken.export.HandoutFigures;
import nexttoken.export.PngExport;
import nexttoken.model.Lesson;
import nexttoken.presenter.Presenter;
import nexttoken.settings.UserSettings;
import nexttoken.view.Texts;

/**
 * The main window's way in to issue 14's features: View → Presenter screen, and File →
 * Export → handout (students' copy, and the teacher's with notes).
 */
public final class ClassroomMenu {
    private final Presenter presenter;
    private final UserSettings settings;
    private final Texts texts;
    private final Consumer<String> status;
    private final Supplier<Window> owner;
    private final MenuItem presenterScreen = new MenuItem();
    private final MenuItem handout = new MenuItem();
    private final MenuItem teacherHandout = new MenuItem();
    private PresenterScreen open;

    public ClassroomMenu(Presenter presenter, UserSettings settings, Consumer<String> status, Supplier<Window> owner) {
        this.presenter = presenter;
        this.settings = settings;
        this.texts = new Texts(presenter);
        this.status = status;
        this.owner = owner;
        presenterScreen.setId("menu-presenter-screen");
        presenterScreen.setOnAction(e -> openPresenterScreen());
        handout.setOnAction(e -> chooseAndExportHandout(false));
        teacherHandout.setOnAction(e -> chooseAndExportHandout(true));
        relabel();
    }

    public MenuItem presenterScreenItem() {
        return presenterScreen;
    }

    public MenuItem handoutItem() {
        return handout;
    }

    public MenuItem teacherHandoutItem() {
        return teacherHandout;
    }

    public void relabel() {
        presenterScreen.setText(texts.get("present.menu"));
        handout.setText(texts.get("handout.menu"));
        teacherHandout.setText(texts.get("handout.menu.teacher"));
    }

    /** Opens the presenter screen over this window's session, or brings the open one forward. */
    public PresenterScreen openPresenterScreen() {
        if (open == null) {
            open = new PresenterScreen(presenter, settings, null);
            open.setOnClosed(() -> open = null);
            open.open();
        }
        open.presenterStage().toFront();
        return open;
    }

    /** The presenter screen while it is open, else null. */
    public PresenterScreen presenterScreen() {
        return open;
    }

    private void chooseAndExportHandout(boolean teacher) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(teacher ? "handout.menu.teacher" : "handout.menu"));
        chooser.setInitialFileName(PngExport.lessonName(presenter.lessonSourceProperty().get()) + ".pdf");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        var file = chooser.showSaveDialog(owner.get());
        if (file != null) {
            exportHandoutTo(file.toPath(), teacher);
        }
    }

    /** The lesson as edited, in its own language, on the paper the system's country uses; false (and why) if it failed. */
    public boolean exportHandoutTo(Path file, boolean teacher) {
        Lesson lesson = presenter.getLesson();
        Locale language = Handout.languageOf(lesson, presenter.getLanguage());
        try {
            var figures = HandoutFigures.render(lesson, presenter.lessonSourceProperty().get(), language);
            Handout.write(Handout.pdf(lesson, figures, new Handout.Options(Handout.Paper.usual(Locale.getDefault()),
                    teacher, language)), file);
            status.accept(texts.format("handout.done", file));
            return true;
        } catch (IOException | RuntimeException e) {
            status.accept(texts.format("export.failed", file + ": " + e.getMessage()));
            return false;
        }
    }
}
