package nexttoken.view;

import java.util.Locale;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/**
 * Opens the real window at the size of the screen in one of the states issue 17 names, for a
 * screenshot under Xvfb (README): {@code trained-side}, {@code sampling}, {@code training}.
 * Not a test: run by hand with the test class path, then {@code import -window root}.
 */
public final class ReadabilityScreens extends Application {
    private static String state;
    private static Locale locale;

    /** The launcher: a main class that is itself an Application needs JavaFX on the module path. */
    public static final class Main {
        public static void main(String[] args) {
            state = args.length > 0 ? args[0] : "trained-side";
            locale = Locale.forLanguageTag(args.length > 1 ? args[1] : "es");
            Application.launch(ReadabilityScreens.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        String id = locale.getLanguage().equals("en") ? "part5-en" : "part5";
        Presenter presenter = new Presenter(BuiltInLessons.load(id), id, locale);
        MainView view = new MainView(presenter);
        stage.setScene(NextTokenApp.createScene(view));
        stage.setWidth(1024);
        stage.setHeight(768);
        stage.show();
        presenter.trainSteps(200);
        switch (state) {
            case "sampling" -> {
                select(view, "sampling-tab");
                presenter.goTo(Step.SAMPLE);
                presenter.sampleCounts(1000);
            }
            case "training" -> {
                view.setControlsVisible(false); // the side panel would lie over the loss curve
                ((javafx.scene.control.ToggleButton) view.lookup("#training-mode")).fire();
            }
            default -> {
                presenter.setRevealAll(true);
                presenter.goTo(Step.FILTER);
            }
        }
    }

    private static void select(MainView view, String tabId) {
        TabPane tabs = (TabPane) view.lookup(".tab-pane");
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
