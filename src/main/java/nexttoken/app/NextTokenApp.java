package nexttoken.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class NextTokenApp extends Application {
    public static void main(String[] args) {
        launch(NextTokenApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("NextToken"), 800, 600));
        stage.setTitle("NextToken");
        stage.show();
    }
}
