package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import nexttoken.export.SlideRenderer;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Export draws from an offscreen copy of the session: every value in the files, nothing revealed on the projector. */
@ExtendWith(ApplicationExtension.class)
class SlideRendererUiTest {
    private Presenter presenter;
    private MainWindow view;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        view = new MainWindow(presenter);
        ProjectorWindow.show(stage, view);
    }

    @Test
    void exportingEveryViewNeverTouchesTheLiveWindow(FxRobot robot, @TempDir Path dir) {
        robot.interact(() -> presenter.goTo(Step.F1));
        AtomicInteger flips = new AtomicInteger();
        AtomicInteger redraws = new AtomicInteger();
        presenter.revealAllProperty().addListener((o, was, is) -> flips.incrementAndGet());
        presenter.revisionProperty().addListener((o, was, is) -> redraws.incrementAndGet());
        List<Path>[] written = new List[1];
        robot.interact(() -> written[0] = view.exports().exportAllTo(dir));
        assertEquals(List.of("part2-tokens.png", "part2-f1.png", "part2-logits.png", "part2-distribution.png"),
                written[0].stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(0, flips.get(), "show all never switched on the live window");
        assertEquals(0, redraws.get(), "the live window did not redraw");
        assertFalse(view.logits().isRevealed(), "the class has not reached f2");
        assertEquals(Step.F1, presenter.getStep());
    }

    @Test
    void theOffscreenCopyShowsEveryValueTheModelComputed(FxRobot robot) {
        robot.interact(() -> {
            presenter.setF2Weight(0, 3.0); // azul: 1800 × 3.0
            try (SlideRenderer slide = SlideRenderer.revealed(presenter.session(), Theme.DARK, 1.0, 1024, 768, false)) {
                assertTrue(slide.views().stream().allMatch(StepView::isRevealed));
                LogitsView logits = (LogitsView) slide.views().get(2);
                assertEquals(nexttoken.model.NumberText.screen(5400, Locale.ENGLISH), logits.bars().valueTextOf("azul"));
                assertEquals(nexttoken.model.NumberText.screen(3600, Locale.ENGLISH), logits.bars().valueTextOf("frío"));
                assertEquals(Theme.DARK, slide.presenter().getTheme());
                assertEquals(Theme.LIGHT, presenter.getTheme());
                assertEquals(Step.TOKENS, slide.presenter().getStep(), "at the live step, only revealed");
            }
        });
        assertEquals(5400.0, presenter.getTrace().f2().logits().get(0));
    }
}
