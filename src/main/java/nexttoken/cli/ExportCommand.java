package nexttoken.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nexttoken.export.Handout;
import nexttoken.export.HandoutFigures;
import nexttoken.export.HeadlessFx;
import nexttoken.export.PngExport;
import nexttoken.export.SlideRenderer;
import nexttoken.model.Lesson;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.presenter.Session;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import nexttoken.view.StepView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every view of a lesson as a PNG (and the whole window as a slide), or a PDF handout, headless, no window.")
final class ExportCommand extends LessonCommand {
    /** The window a slide is laid out in, before scaling: a 16:10 projector. */

    @Option(names = "--out", paramLabel = "DIR", description = "The folder to write the PNGs into.")
    Path out;

    @Option(names = "--handout", paramLabel = "FILE.pdf",
            description = "Write a handout instead: one PDF with every step's figure and worked numbers, in the lesson's language.")
    Path handout;

    @Option(names = "--notes", description = "With --handout: the teacher's copy, with the lesson's notes.")
    boolean notes;

    @Option(names = "--paper", paramLabel = "a4|letter", description = "With --handout. Default: a4 (letter in the US and Canada).")
    String paper;

    @Option(names = "--scale", paramLabel = "1|2|3", defaultValue = "2", description = "Pixels per point. Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--theme", paramLabel = "light|dark|projector", defaultValue = "light",
            description = "Default: ${DEFAULT-VALUE}.")
    String theme;

    @Option(names = "--transparent", description = "Leave the background transparent instead of white.")
    boolean transparent;

    @Override
    public Integer call() throws InterruptedException {
        if (out == null && handout == null) {
            throw new UserError(Problem.of(ProblemKind.EXPORT_WITHOUT_OUT, "--out"));
        }
        if (out != null && handout != null) {
            throw new UserError(Problem.of(ProblemKind.EXPORT_OUT_AND_HANDOUT, "--out"));
        }
        if (handout != null) {
            return writeHandout();
        }
        if (notes || paper != null) {
            throw new UserError(Problem.of(ProblemKind.HANDOUT_OPTION_WITHOUT_HANDOUT, notes ? "--notes" : "--paper"));
        }
        if (scale < 1 || scale > 3) {
            throw LessonOptions.bad("--scale", Integer.toString(scale), "1, 2, 3");
        }
        Theme chosen = Theme.fromName(theme);
        if (chosen == null) {
            throw LessonOptions.bad("--theme", theme, "light, dark, projector");
        }
        Lesson lesson = loadNoting(false);
        OutputFiles files = outputFiles();
        files.folder(out);
        PngExport.Options png = new PngExport.Options(scale, transparent ? PngExport.Background.TRANSPARENT : PngExport.Background.WHITE);
        List<Path> written;
        try {
            written = HeadlessFx.call(() -> render(lesson, chosen, png, files));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UserError user) {
                throw user;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("rendering did not finish");
        }
        PrintWriter printer = out();
        written.forEach(printer::println);
        printer.flush();
        return Cli.OK;
    }

    /** On the FX thread: the real main window, laid out offscreen with every value revealed. */
    private List<Path> render(Lesson lesson, Theme chosen, PngExport.Options png, OutputFiles files) {
        Session session = new Session(lesson, options.source, options.interfaceLanguage());
        List<Step> path = session.walk().path();
        session.walk().goTo(path.get(path.size() - 2)); // the sample (or the lookup) shown, nothing appended yet
        String name = PngExport.lessonName(options.source);
        List<Path> written = new ArrayList<>();
        try (SlideRenderer slide = SlideRenderer.revealed(session, chosen, 1.0, SlideRenderer.SLIDE_WIDTH,
                SlideRenderer.SLIDE_HEIGHT, false)) {
            for (StepView v : slide.views()) {
                written.add(write(slide.view(v, png), out.resolve(PngExport.fileName(name, v.exportName())), files));
            }
            written.add(write(slide.slide(png), out.resolve(PngExport.fileName(name, "slide")), files));
        }
        return written;
    }

    private Integer writeHandout() throws InterruptedException {
        Handout.Paper chosenPaper = paper == null ? Handout.Paper.usual(java.util.Locale.getDefault()) : Handout.Paper.fromName(paper);
        if (chosenPaper == null) {
            throw LessonOptions.bad("--paper", paper, "a4, letter");
        }
        Lesson lesson = loadNoting(false);
        java.util.Locale language = options.language != null ? options.interfaceLanguage()
                : Handout.languageOf(lesson, options.interfaceLanguage());
        try {
            var figures = HeadlessFx.call(() -> HandoutFigures.render(lesson, options.source, language));
            Handout.write(Handout.pdf(lesson, figures, new Handout.Options(chosenPaper, notes, language)), handout);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("rendering did not finish");
        } catch (IOException | SecurityException e) {
            throw new UserError(Problem.of(ProblemKind.WRITE_FAILED, null, String.valueOf(e.getMessage())).inSource(handout.toString()));
        }
        out().println(handout);
        out().flush();
        return Cli.OK;
    }

    private static Path write(javafx.scene.image.WritableImage image, Path file, OutputFiles files) {
        boolean replacing = Files.exists(file);
        try {
            PngExport.write(image, file);
        } catch (IOException | RuntimeException e) {
            throw files.writeFailed(e, file);
        }
        if (replacing) {
            files.replaced(file);
        }
        return file;
    }
}
