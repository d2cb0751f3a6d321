package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Where the bars' values are written when they are wider than a bar's slot. */
@ExtendWith(ApplicationExtension.class)
class BarsPaneEdgesUiTest {
    private final BarsPane bars = new BarsPane();

    @Start
    void start(Stage stage) {
        List<BarsPane.Bar> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(new BarsPane.Bar("t" + i, 1 + i % 3, "0.01" + i + "5 %", Color.STEELBLUE, Color.BLACK, false, null));
        }
        bars.setBars(seven, 0, 3);
        // Slots of 50 px, narrower than "0.0105 %": the values are staggered over two slots each.
        // A plain Pane keeps it at that size whatever size an earlier test left the shared stage at.
        bars.setPrefSize(350, 300);
        stage.setScene(new Scene(new javafx.scene.layout.Pane(bars), 400, 320));
        stage.show();
    }

    @Test
    void aStaggeredValueIsWrittenOverItsOwnBarEvenAtThePanesEdges(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<Rectangle> rectangles = bars.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Rectangle && n.isVisible()).map(n -> (Rectangle) n).toList();
        List<Label> values = bars.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Label l && l.getStyleClass().contains("bar-value")).map(n -> (Label) n).toList();
        assertEquals(7, rectangles.size());
        assertEquals(350, bars.getWidth());
        double slot = 350 / 7.0;
        assertTrue(values.get(0).getWidth() > slot, "the values are wider than a slot: " + values.get(0).getWidth());
        for (int i = 0; i < 7; i++) {
            double bar = centreX(rectangles.get(i));
            double value = centreX(values.get(i));
            // The first and last may move in from the edge, never as far as half a slot (over the next bar).
            assertTrue(Math.abs(value - bar) <= rectangles.get(i).getWidth() / 2,
                    "value " + i + " centred at " + value + ", its bar at " + bar);
            assertTrue(values.get(i).getBoundsInParent().getMinX() >= 0
                    && values.get(i).getBoundsInParent().getMaxX() <= 350, "value " + i + " inside the pane");
        }
    }

    private static double centreX(Node n) {
        return n.getBoundsInParent().getCenterX();
    }

    @Test
    void aNegativeValueWiderThanItsSlotReadsWholeUnderTheAxisWhenNothingIsBesideIt(FxRobot robot) {
        robot.interact(() -> {
            List<BarsPane.Bar> logits = new ArrayList<>();
            double[] values = {1.2, 0.1059, 1.094, -0.05296, 0.4676, 0.6794, 0.5206};
            for (int i = 0; i < values.length; i++) {
                String text = i == 3 ? "\u22120.05296" : Double.toString(values[i]);
                logits.add(new BarsPane.Bar("t" + i, values[i], text, Color.STEELBLUE, Color.BLACK, false, null));
            }
            bars.setBars(logits, -0.05296, 1.2);
            // Too short for a second line of values: they are not staggered.
            bars.setPrefSize(300, 150);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> values = bars.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Label l && l.getStyleClass().contains("bar-value")).map(n -> (Label) n).toList();
        Label negative = values.get(3);
        assertTrue(negative.prefWidth(-1) > 300 / 7.0, "the value is wider than its slot: " + negative.prefWidth(-1));
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) negative.lookup(".text");
        assertEquals(negative.getText(), drawn.getText(), "the value under the axis is written whole");
    }
}
