package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import nexttoken.presenter.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bar values wider than their bars (part 2-en's f2 in the projector's type at 1024×768) take two
 * slots; each must still read as its own bar's: on its bar's end, or tied to it by a line.
 */
@ExtendWith(ApplicationExtension.class)
class BarsPaneUiTest {
    private final BarsPane bars = new BarsPane();

    @Start
    void start(Stage stage) {
        // Five slots of 60 px, whatever size the stage kept from an earlier test.
        bars.setMinSize(300, 260);
        bars.setMaxSize(300, 260);
        StackPane root = new StackPane(bars);
        root.setStyle("-fx-font-size: 19px;");
        Scene scene = new Scene(root, 300, 260);
        TypeScale.applyStylesheets(scene, Theme.PROJECTOR);
        stage.setScene(scene);
        stage.show();
    }

    /** Part 2-en's logits after its five-token vocabulary, as f2 shows them. */
    private static final double[] LOGITS = {4500, 1260, 3600, 360, 900};

    @Test
    void aValueWiderThanItsBarStaysOnItsBarOrIsTiedToIt(FxRobot robot) {
        robot.interact(() -> {
            List<BarsPane.Bar> shown = new ArrayList<>();
            String[] names = {"azul", "cielo", "frío", "el", "es"};
            for (int i = 0; i < LOGITS.length; i++) {
                shown.add(new BarsPane.Bar(names[i], LOGITS[i], LOGITS[i] + "", Color.STEELBLUE, Color.BLACK, false, null));
            }
            bars.setBars(shown, 0, 4500);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> texts = new ArrayList<>();
        List<Bounds> ends = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < LOGITS.length; i++) {
                Label value = bars.valueLabels().get(i);
                texts.add(value.lookup(".text").localToScene(value.lookup(".text").getLayoutBounds()));
                ends.add(bars.barRectangles().get(i).localToScene(bars.barRectangles().get(i).getLayoutBounds()));
            }
        });
        double slot = bars.getWidth() / LOGITS.length;
        assertTrue(texts.get(0).getWidth() > slot, "\"4500.0\" is wider than its slot of " + slot + " px: the values stagger");
        for (int i = 0; i < LOGITS.length; i++) {
            double gap = ends.get(i).getMinY() - texts.get(i).getMaxY();
            assertTrue(gap >= 0, LOGITS[i] + " does not sit on its bar: " + gap);
            for (int j = 0; j < i; j++) {
                assertFalse(texts.get(i).intersects(texts.get(j)), LOGITS[i] + " over " + LOGITS[j]);
            }
        }
        // "1260.0" clears its neighbours' bars and values where it is: it sits on its own bar's end,
        // not two lines up beside the taller 4500 and 3600.
        double onItsBar = ends.get(1).getMinY() - texts.get(1).getMaxY();
        assertTrue(onItsBar < 6, "1260.0 is " + onItsBar + " px above its bar");
        assertFalse(bars.leaderLines().get(1).isVisible());
        // "360.0" would cover "900.0" beside it: it moves up past it, and a line ties it to its bar.
        double moved = ends.get(3).getMinY() - texts.get(3).getMaxY();
        assertTrue(moved > 6, "360.0 moved up off 900.0: " + moved);
        Line tie = bars.leaderLines().get(3);
        assertTrue(tie.isVisible());
        Bounds line = tie.localToScene(tie.getLayoutBounds());
        assertEquals(ends.get(3).getMinY(), line.getMaxY(), 1.5, "the line reaches the bar");
        assertTrue(line.getMinY() <= texts.get(3).getMaxY() + 4, "the line reaches the value");
        assertTrue(line.getMinX() > ends.get(3).getMinX() && line.getMaxX() < ends.get(3).getMaxX(), "over its own bar");
        for (int i : new int[] {0, 2, 4}) {
            assertFalse(bars.leaderLines().get(i).isVisible(), LOGITS[i] + " sits on its bar: no line");
        }
    }
}
