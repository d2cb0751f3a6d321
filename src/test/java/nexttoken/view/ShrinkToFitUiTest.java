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
        robot.interact(() -> content.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
        double factor = ((Scale) content.getTransforms().get(0)).getX();
        double drawn = content.getWidth() * factor;
        assertTrue(drawn <= fit.getWidth() + 0.5, "\"" + text + "\" drawn " + drawn + " px wide in " + fit.getWidth());
        assertEquals(content.prefWidth(-1), content.getWidth(), 0.5, "\"" + text + "\" is laid out whole, not cut");
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
        assertTrue(large >= small + ShrinkToFit.REGROW, small + " grows once the text is much narrower: " + large);
    }
}
