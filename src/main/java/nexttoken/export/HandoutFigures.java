package nexttoken.export;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import nexttoken.model.Lesson;
import nexttoken.presenter.Session;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import nexttoken.view.StepView;

/**
 * The handout's pictures: each panel of the lesson drawn by the same code as its PNG
 * export, at print resolution, keyed by the step id whose section it illustrates.
 * FX thread only. An attention lesson's panels (the attention map among them) are the views
 * its window lays out, like any other lesson's.
 */
public final class HandoutFigures {
    /** Pixels per CSS pixel: 3× a 96 dpi panel is about 290 dpi at the size it is printed. */
    static final int SCALE = 3;

    private HandoutFigures() {
    }

    /** The lesson's first prediction at its sample (or lookup) step, as the handout's text works it out. */
    public static Map<String, List<BufferedImage>> render(Lesson lesson, String source, Locale locale) {
        PngExport.Options print = new PngExport.Options(SCALE, PngExport.Background.WHITE);
        PngExport.Options layoutOnly = new PngExport.Options(1, PngExport.Background.WHITE);
        Session session = new Session(lesson, source, locale);
        List<Step> path = session.walk().path();
        session.walk().goTo(path.get(path.size() - 2));
        Map<String, List<BufferedImage>> figures = new LinkedHashMap<>();
        try (SlideRenderer slide = SlideRenderer.revealed(session, Theme.LIGHT, 1.0, SlideRenderer.SLIDE_WIDTH,
                SlideRenderer.SLIDE_HEIGHT, false)) {
            for (StepView view : slide.views()) {
                // An attention lesson's views sit on several stages: the renderer lays out the view's
                // stage first (a small render), then the figure is drawn at print size without a caption.
                slide.view(view, layoutOnly);
                Step section = section(view, lesson);
                // q/k/v and the map show one head at a time: each head's section gets its own pictures.
                int heads = lesson.isAttention() && section == Step.ATTENTION ? lesson.attention().heads().size() : 1;
                for (int h = 0; h < heads; h++) {
                    if (heads > 1) {
                        slide.presenter().setShownHead(h);
                    }
                    figures.computeIfAbsent(key(section.fileId(), h + 1), k -> new ArrayList<>())
                            .add(SwingFXUtils.fromFXImage(PngExport.render(view.handoutFigure(), null, print), null));
                }
            }
        }
        return figures;
    }

    /**
     * Where the figures of the {@code section}-th section (1 first) of step {@code stepId} are kept:
     * a step written in several sections (one per attention head) has pictures for each.
     */
    static String key(String stepId, int section) {
        return section == 1 ? stepId : stepId + "#" + section;
    }

    /**
     * The section a panel illustrates: the f1 panel shows x as well, but what it is there for is the
     * sum; in an attention lesson the scatter is there for h's arrow, which f2 reads; every other
     * panel goes with its first step.
     */
    static Step section(StepView view, Lesson lesson) {
        List<Step> steps = view.steps();
        if (lesson.isAttention() && view instanceof nexttoken.view.EmbeddingScatterView) {
            return Step.F2;
        }
        return steps.contains(Step.F1) ? Step.F1 : steps.get(0);
    }
}
