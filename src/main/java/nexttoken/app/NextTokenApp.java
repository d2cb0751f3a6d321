package nexttoken.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.view.MainView;

/** The desktop app: opens on part 1 (or on the lesson file given as the only argument). */
public final class NextTokenApp extends Application {
    static final String FIRST_LESSON = "part1";

    public static void main(String[] args) {
        launch(NextTokenApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Locale locale = Locale.getDefault();
        String id = BuiltInLessons.inLanguage(FIRST_LESSON, locale);
        Presenter presenter = new Presenter(BuiltInLessons.load(id), id, locale);
        MainView view = new MainView(presenter);
        List<String> args = getParameters().getUnnamed();
        if (args.size() == 1) {
            view.openFile(Path.of(args.get(0)));
        }
        Scene scene = createScene(view);
        view.installKeys(scene, stage);
        stage.setScene(scene);
        stage.titleProperty().bind(presenter.lessonProperty().map(l -> "NextToken — " + (l.title() == null ? "" : l.title())));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A classroom app fills the projector; the window manager may still let the teacher resize it.
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setMaximized(true);
        view.setControlsVisible(screen.getWidth() >= 1300);
        stage.show();
    }

    public static Scene createScene(MainView view) {
        Scene scene = new Scene(view);
        scene.getStylesheets().add(NextTokenApp.class.getResource("/nexttoken/styles/app.css").toExternalForm());
        return scene;
    }
}
