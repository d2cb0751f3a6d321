package nexttoken.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nexttoken.io.AtomicFiles;
import nexttoken.model.Composition;
import nexttoken.model.Lesson;
import nexttoken.report.AttentionPanels;
import nexttoken.report.Formulas;
import nexttoken.report.Messages;
import nexttoken.report.TraceReport;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A printed handout of a lesson: a title block (the lesson, its prompt, its settings),
 * then one section per step with the step's figure and its worked numbers as text, in
 * the lesson's language; the teacher's copy adds the notes. Making the figures needs the
 * FX thread ({@link HandoutFigures}); making the PDF does not.
 */
public final class Handout {
    public enum Paper {
        A4(PDRectangle.A4), LETTER(PDRectangle.LETTER);

        final PDRectangle size;

        Paper(PDRectangle size) {
            this.size = size;
        }

        /** "a4", "letter", or null. */
        public static Paper fromName(String name) {
            for (Paper p : values()) {
                if (p.name().equalsIgnoreCase(name)) {
                    return p;
                }
            }
            return null;
        }

        /** Letter where it is the custom (the Americas' English), A4 everywhere else. */
        public static Paper usual(Locale locale) {
            return "US".equals(locale.getCountry()) || "CA".equals(locale.getCountry()) ? LETTER : A4;
        }
    }

    /** @param teacher the teacher's copy, with the notes */
    public record Options(Paper paper, boolean teacher, Locale language) {
    }

    private Handout() {
    }

    /** The language a handout of {@code lesson} is written in when none is asked for: the lesson's own. */
    public static Locale languageOf(Lesson lesson, Locale fallback) {
        return lesson.language() == null ? Messages.supported(fallback) : Messages.supported(Locale.forLanguageTag(lesson.language()));
    }

    /** The PDF's bytes; {@code figures} from {@link HandoutFigures#render}. */
    public static byte[] pdf(Lesson lesson, Map<String, List<BufferedImage>> figures, Options options) throws IOException {
        Messages m = new Messages(options.language());
        String title = lesson.title() == null ? m.get("report.untitled") : lesson.title();
        String footer = options.teacher() ? m.format("handout.footer.teacher", title) : title;
        HandoutPdf pdf = new HandoutPdf(options.paper().size, figures, options.teacher() ? lesson.notes() : Map.of(),
                m.get("handout.note"), footer, settings(lesson, m));
        try {
            nexttoken.model.Trace trace = Composition.compute(lesson);
            pdf.addTables("attention", attentionMaps(trace, m));
            TraceReport.write(trace, null, options.language(), pdf);
            return pdf.finish(lesson);
        } catch (UncheckedIOException e) {
            pdf.discard();
            throw e.getCause();
        } catch (RuntimeException e) {
            pdf.discard();
            throw e;
        }
    }

    /** Each head's attention map as a table of its weights, every number as text (issue 14: "with its numbers"). */
    static List<HandoutPdf.Table> attentionMaps(nexttoken.model.Trace trace, Messages m) {
        Formulas f = new Formulas(m.locale(), true);
        return AttentionPanels.attentionMap(trace, f, m.get("handout.attention.corner"), "—", m.get("handout.attention.sum"))
                .stream()
                .map(t -> new HandoutPdf.Table(m.format("handout.attention.map", t.number()), t.header(), t.rows()))
                .toList();
    }

    /** Atomically: a failed write leaves whatever was at {@code file} before. */
    public static void write(byte[] pdf, Path file) throws IOException {
        AtomicFiles.write(file, pdf);
    }

    /** "norm · T = 1,0 · top-k desactivado · top-p desactivado · semilla 42", in the handout's language. */
    static String settings(Lesson lesson, Messages m) {
        Formulas f = new Formulas(m.locale(), true);
        if (lesson.kind() == nexttoken.model.LessonKind.LOOKUP) {
            return m.get("handout.settings.lookup");
        }
        String off = m.get("report.off");
        return m.format("handout.settings", lesson.normalization().fileName(), f.number(lesson.temperature()),
                lesson.topK() == 0 ? off : Integer.toString(lesson.topK()),
                lesson.topP() >= 1 ? off : f.number(lesson.topP()),
                lesson.seed() == null ? "—" : Long.toString(lesson.seed()));
    }
}
