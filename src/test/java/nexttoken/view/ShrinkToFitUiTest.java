package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A shrunk table keeps its size while its numbers change width a little, and still always fits. */
@ExtendWith(ApplicationExtension.class)
class ShrinkToFitUiTest {
    private static final double ROOM = 300;
    private Label content;
    private ShrinkToFit fit;

    @Start
    void start(Stage stage) {
        content = new Label();
        content.setFont(Font.font(24));
        fit = new ShrinkToFit(content);
        VBox box = new VBox(fit);
        box.setFillWidth(true);
        // Fixed in a Group: the shared test stage may be wider (an earlier test's 1024×768 minimum).
        box.setMinWidth(ROOM);
        box.setPrefWidth(ROOM);
        box.setMaxWidth(ROOM);
        stage.setScene(new Scene(new javafx.scene.Group(box), ROOM, 200));
        stage.show();
    }

    private double factorWith(FxRobot robot, String text) {
        double factor = drawnFactorWith(robot, text);
        assertEquals(content.prefWidth(-1), content.getWidth(), 0.5, "\"" + text + "\" is laid out whole, not cut");
        return factor;
    }

    /** The factor drawn at; the content may be cut (at the readable floor) but never drawn wider than the room. */
    private double drawnFactorWith(FxRobot robot, String text) {
        robot.interact(() -> content.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
        double factor = ((Scale) content.getTransforms().get(0)).getX();
        double drawn = content.getWidth() * factor;
        assertTrue(drawn <= fit.getWidth() + 0.5, "\"" + text + "\" drawn " + drawn + " px wide in " + fit.getWidth());
        return factor;
    }

    @Test
    void aNumberAFewDigitsNarrowerLeavesTheFactorAndOneThatNoLongerFitsShrinksIt(FxRobot robot) {
        double first = factorWith(robot, "−0.6770 × 1.5 = −1.01550000");
        assertTrue(first < 1, "the text is wider than " + ROOM + " px at 24 px");
        // Before the factor was kept, each of these drew the whole text at a new size.
        assertEquals(first, factorWith(robot, "−0.6770 × 1.5 = −1.015500"), 1e-12, "two digits fewer");
        assertEquals(first, factorWith(robot, "−0.6770 × 1.5 = −1.0155000"), 1e-12, "one digit fewer");
        double wider = factorWith(robot, "−0.6770 × 1.5 = −1.0155000000");
        assertTrue(wider < first, "two digits more no longer fit at " + first + ": " + wider);
        assertEquals(wider, factorWith(robot, "−0.6770 × 1.5 = −1.01550000"), 1e-12, "back to the first text");
    }

    @Test
    void aMuchNarrowerTextIsDrawnLargerAgain(FxRobot robot) {
        double small = factorWith(robot, "−0.6770 × 1.5 = −1.01550000000000");
        double large = factorWith(robot, "−0.677 × 1.5 = −1.0155");
        assertTrue(large >= small * (1 + ShrinkToFit.REGROW), small + " grows once the text is much narrower: " + large);
    }

    @Test
    void contentThatFitsAgainIsDrawnAtFullSize(FxRobot robot) {
        // Just too wide by a digit: a factor a little under 1, which a tenth's band would keep.
        String text = "−0.677 × 1.5 = −1.0";
        double factor = factorWith(robot, text);
        assertEquals(1, factor, 0, "the shortest text fits");
        while (factor == 1) {
            text = text + "5";
            factor = factorWith(robot, text);
        }
        assertTrue(factor > 1 / (1 + ShrinkToFit.REGROW), "within the band: " + factor);
        assertEquals(1, factorWith(robot, text.substring(0, text.length() - 1)), 0,
                "a table that fits is not drawn scaled (a scaled glyph is painted as an outline)");
    }

    @Test
    void smallerTypeIsNeverKeptBelowTheReadableFloor(FxRobot robot) {
        // A factor under the floor of 14 px type (12/14) but within a tenth of it, which the band alone would keep.
        String text = "−0.6770 × 1.5 = −1.0155";
        double kept = factorWith(robot, text);
        while (kept >= 0.85) {
            text = text + "0";
            kept = factorWith(robot, text);
        }
        assertTrue(kept * (1 + ShrinkToFit.REGROW) > ShrinkToFit.READABLE_PX / 14, "within the band of the floor: " + kept);
        // Font and text in one pulse, as a theme switch restyles a table whose numbers stay.
        String both = text + " " + text;
        robot.interact(() -> {
            content.setFont(Font.font(14));
            content.setText(both);
        });
        double factor = drawnFactorWith(robot, both);
        assertTrue(14 * factor >= ShrinkToFit.READABLE_PX - 1e-9, "14 px type drawn at " + 14 * factor + " px");
    }
}
