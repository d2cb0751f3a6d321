package nexttoken.view.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import nexttoken.export.Handout;
import nexttoken.export.HandoutFigures;
import nexttoken.export.PngExport;
import nexttoken.export.SlideRenderer;
import nexttoken.model.Lesson;
import nexttoken.presenter.Presenter;
import nexttoken.view.StepView;
import nexttoken.view.Texts;

/**
 * Export from the window: PNGs of one view or the whole window as the class sees it, or of
 * every view of the lesson into a folder with every value shown (through {@link SlideRenderer},
 * offscreen), at the scale and background chosen in the Export menu; and the lesson's PDF
 * handout, the students' copy or the teacher's with the notes.
 */
public final class ExportActions {
    private final Presenter presenter;
    private final Dialogs dialogs;
    private final Texts texts;
    private final Consumer<String> status;
    private final Region window;
    private final Supplier<List<StepView>> visibleViews;
    private final BooleanSupplier controlsVisible;
    private PngExport.Options options = new PngExport.Options(PngExport.DEFAULT_SCALE, PngExport.Background.WHITE);

    /**
     * @param window the node a slide shows (the window's root)
     * @param visibleViews every view the lesson has (an attention lesson's of both stages), in reading order
     * @param controlsVisible whether the side panel takes its share of the window's width
     */
    public ExportActions(Presenter presenter, Dialogs dialogs, Texts texts, Consumer<String> status, Region window,
            Supplier<List<StepView>> visibleViews, BooleanSupplier controlsVisible) {
        this.presenter = presenter;
        this.dialogs = dialogs;
        this.texts = texts;
        this.status = status;
        this.window = window;
        this.visibleViews = visibleViews;
        this.controlsVisible = controlsVisible;
    }

    public PngExport.Options options() {
        return options;
    }

    public void setOptions(PngExport.Options options) {
        this.options = options;
    }

    private String lessonName() {
        return PngExport.lessonName(presenter.lessonSourceProperty().get());
    }

    /** Asks where, then writes one view. */
    public void exportView(StepView view) {
        dialogs.savePng(texts.get("export.view"), PngExport.fileName(lessonName(), view.exportName()))
                .ifPresent(file -> exportViewTo(view, file));
    }

    /** Writes one view; false (with a message in the status line) when the write failed. */
    public boolean exportViewTo(StepView view, Path file) {
        return writePng(PngExport.render(view, view.exportCaption(), options), file);
    }

    public void chooseAndExportSlide() {
        dialogs.savePng(texts.get("export.slide"), PngExport.fileName(lessonName(), "slide")).ifPresent(this::exportSlideTo);
    }

    /** The whole window as one PNG. */
    public boolean exportSlideTo(Path file) {
        return writePng(PngExport.render(window, null, options), file);
    }

    public void chooseAndExportAll() {
        dialogs.chooseFolder(texts.get("export.all")).ifPresent(this::exportAllTo);
    }

    /** One PNG per view into a folder, after asking before replacing files already there. */
    public List<Path> exportAllTo(Path dir) {
        List<Path> targets = visibleViews.get().stream()
                .map(v -> dir.resolve(PngExport.fileName(lessonName(), v.exportName()))).toList();
        List<String> existing = targets.stream().filter(Files::exists).map(p -> p.getFileName().toString()).toList();
        if (!existing.isEmpty()
                && !dialogs.confirm(texts.get("export.overwrite.title"), texts.format("export.overwrite", dir, String.join(", ", existing)))) {
            return List.of();
        }
        // A handout shows every value, whatever step the class is on: drawn from an offscreen
        // copy, so the projector never shows what the class has not reached.
        List<Path> written = new ArrayList<>();
        try (SlideRenderer handout = handout()) {
            List<StepView> views = handout.views();
            for (int i = 0; i < views.size(); i++) {
                if (!writePng(handout.view(views.get(i), options), targets.get(i))) {
                    break;
                }
                written.add(targets.get(i));
            }
        }
        if (written.size() == targets.size()) {
            status.accept(texts.format("export.done", written.size() + " PNG → " + dir));
        }
        return written;
    }

    /** The session as the window shows it, every value revealed, at the window's size and type. */
    private SlideRenderer handout() {
        boolean shown = window.getWidth() > 0 && window.getHeight() > 0;
        return SlideRenderer.revealed(presenter.session(), presenter.getTheme(), presenter.getZoom(),
                shown ? window.getWidth() : SlideRenderer.SLIDE_WIDTH, shown ? window.getHeight() : SlideRenderer.SLIDE_HEIGHT,
                controlsVisible.getAsBoolean());
    }

    /** Asks where, then writes the handout: the students' copy, or the teacher's with the notes. */
    public void chooseAndExportHandout(boolean teacher) {
        dialogs.savePdf(texts.get(teacher ? "handout.menu.teacher" : "handout.menu"), lessonName() + ".pdf")
                .ifPresent(file -> exportHandoutTo(file, teacher));
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

    private boolean writePng(WritableImage image, Path file) {
        try {
            PngExport.write(image, file);
            status.accept(texts.format("export.done", file));
            return true;
        } catch (IOException | RuntimeException e) {
            status.accept(texts.format("export.failed", file + ": " + e.getMessage()));
            return false;
        }
    }
}
