package nexttoken.view;

import javafx.scene.Scene;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;

/** The app's window as the commonest classroom projector shows it: the scene the app makes, its keys, 1024×768. */
public final class ProjectorWindow {
    private ProjectorWindow() {
    }

    /** Shows the view in the stage with the app's scene and keys; since JavaFX 20 a headless stage needs the focus asked for. */
    public static Scene show(Stage stage, MainWindow view) {
        Scene scene = NextTokenApp.createScene(view);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.setWidth(1024);
        stage.setHeight(768);
        stage.show();
        stage.requestFocus();
        return scene;
    }

    /** A key as a clicker or keyboard sends it to one window (no modifier), and what it set off laid out. */
    public static void press(org.testfx.api.FxRobot robot, Stage stage, javafx.scene.input.KeyCode code) {
        robot.interact(() -> javafx.event.Event.fireEvent(stage.getScene().getRoot(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
