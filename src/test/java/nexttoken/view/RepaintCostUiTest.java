package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.shape.StrokeType;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.GeneratedLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a slider move repaints stays cheap in software rendering: no part of the window that
 * changes on a move is drawn through an offscreen image (a cached viewport, an effect) or
 * through area geometry (an outside stroke). Each of these was measured in the benchmark's
 * frame (README "Speed, measured"); here they are kept out.
 */
@ExtendWith(ApplicationExtension.class)
class RepaintCostUiTest {
    private Presenter presenter;
    private MainWindow view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        presenter = new Presenter(BuiltInLessons.load("part5-en"), "part5-en", Locale.ENGLISH);
        view = new MainWindow(presenter);
        view.setControlsVisible(true);
        stage.setScene(NextTokenApp.createScene(view));
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
    }

    @Test
    void noScrollPaneOfTheWindowRedrawsItsWholeViewportForAChangeInside(FxRobot robot) {
        robot.interact(() -> {
            view.samplingPanel();
            presenter.setTemperature(1.5);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> viewports = List.copyOf(view.lookupAll(".viewport"));
        assertFalse(viewports.isEmpty(), "the side panel scrolls");
        for (Node viewport : viewports) {
            assertFalse(viewport.isCache(), "a cached viewport is drawn again whole when a slider inside it moves");
        }
    }

    @Test
    void aScrollPaneOfTheAppKeepsItsViewportUncachedOnceItHasItsSkin(FxRobot robot) {
        ScrollPane[] scroll = new ScrollPane[1];
        robot.interact(() -> {
            scroll[0] = Scrolling.fittedToWidth(new Label("w₁"));
            Stage other = new Stage();
            other.setScene(new Scene(scroll[0], 200, 100));
            other.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node viewport = scroll[0].lookup(".viewport");
        assertTrue(scroll[0].isFitToWidth());
        assertFalse(viewport.isCache());
        robot.interact(() -> ((Stage) scroll[0].getScene().getWindow()).close());
    }

    @Test
    void theSlidersThumbsAreDrawnWithoutAnEffect() {
        List<Node> thumbs = List.copyOf(view.lookupAll(".slider .thumb"));
        assertTrue(thumbs.size() >= 3, thumbs.size() + " thumbs: the f1 weights and the decoding sliders");
        for (Node thumb : thumbs) {
            assertNull(thumb.getEffect(), "an effect is drawn offscreen and blurred on every move of the thumb");
        }
    }

    @Test
    void onAProjectorTheSidePanelOverThePanelsHasAnEdgeNotAnEffect(FxRobot robot) {
        robot.interact(() -> {
            presenter.setTheme(nexttoken.presenter.Theme.PROJECTOR);
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Region side = (javafx.scene.layout.Region) view.lookup(".side-panel");
        assertTrue(side.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("overlay")),
                "at 1024 pixels the side panel lies over the panels");
        // An effect on the panel is drawn offscreen, the whole panel, at every slider move inside it.
        assertNull(side.getEffect());
        javafx.scene.layout.Border edge = side.getBorder();
        assertTrue(edge != null && edge.getInsets().getLeft() >= 4, "a shadow of its own at its left edge: " + edge);
        assertEquals(0, edge.getInsets().getRight(), "only the edge over the panels");
    }

    @Test
    void theSampledNameOverTheCloudHasAHaloOfItsOwnAndNoTextIsStrokedOutside(FxRobot robot) {
        robot.interact(() -> {
            presenter.load(GeneratedLessons.cl100k(Locale.ENGLISH), GeneratedLessons.CL100K_ID);
            presenter.setRevealAll(true);
            presenter.goTo(Step.SAMPLE);
        });
        WaitForAsyncUtils.waitForFxEvents();
        int sampled = presenter.getSampledIndex();
        assertTrue(sampled >= 0, "the sample step has drawn a token");
        String name = presenter.getLesson().vocabulary().token(sampled) + " ★";
        List<Text> starred = view.scatter().lookupAll("Text").stream()
                .filter(n -> n instanceof Text t && name.equals(t.getText()) && n.isVisible() && n.getParent().isVisible())
                .map(Text.class::cast).toList();
        assertEquals(2, starred.size(), "the name and its halo, over the points the canvas drew: " + starred);
        Text halo = starred.get(0);
        Text word = starred.get(1);
        assertTrue(halo.getStyleClass().contains("scatter-sampled-halo"), "the halo is drawn first, beneath the name");
        assertEquals(word.getX(), halo.getX());
        assertEquals(word.getY(), halo.getY());
        assertEquals(word.getFont(), halo.getFont());
        assertEquals(halo.getFill(), halo.getStroke(), "the halo is the background's colour, inside and out");
        assertFalse(halo.getStroke().equals(word.getFill()), "the name stands out from its halo");
        assertTrue(halo.getStrokeWidth() >= 6, "wide enough to part the name from the points: " + halo.getStrokeWidth());
        assertNull(word.getStroke(), "the name itself is not stroked");
        // An outside or inside stroke is cut out of the glyphs with area geometry on every paint:
        // 85 % of the render thread's time at 100,000 tokens when the sampled name had one.
        for (Node n : view.lookupAll("Text")) {
            if (n instanceof Text t && t.getStroke() != null) {
                assertEquals(StrokeType.CENTERED, t.getStrokeType(), "stroked text '" + t.getText() + "'");
            }
        }
    }
}
