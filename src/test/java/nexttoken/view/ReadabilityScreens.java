package nexttoken.view;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.LessonSource;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;

/**
 * Opens the real window at the size of the screen in one of the states issue 17 names, for a
 * screenshot under Xvfb (README): {@code trained-side}, {@code sampling}, {@code training}; or
 * any state spelt as {@code key=value} words: {@code lesson=part2-en|FILE theme=projector
 * lang=en side=closed|controls|sampling|lesson step=3 trained=200 mode=training reveal=true
 * width=1920 height=1080} (1024×768 unless given).
 * Not a test: run by hand with the test class path, then {@code import -window root}.
 */
public final class ReadabilityScreens extends Application {
    private static final Map<String, String> state = new HashMap<>();

    /** The launcher: a main class that is itself an Application needs JavaFX on the module path. */
    public static final class Main {
        public static void main(String[] args) {
            String first = args.length > 0 ? args[0] : "trained-side";
            Locale named = Locale.forLanguageTag(args.length > 1 && !args[1].contains("=") ? args[1] : "es");
            state.put("lang", named.getLanguage());
            switch (first) {
                case "trained-side" -> state.putAll(Map.of("trained", "200", "reveal", "true", "step", "FILTER", "side", "controls"));
                case "sampling" -> state.putAll(Map.of("trained", "200", "step", "SAMPLE", "side", "sampling", "draws", "1000"));
                case "training" -> state.putAll(Map.of("trained", "200", "mode", "training", "side", "closed"));
                default -> { }
            }
            for (String a : args) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    state.put(a.substring(0, eq), a.substring(eq + 1));
                }
            }
            Application.launch(ReadabilityScreens.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Locale locale = Locale.forLanguageTag(state.getOrDefault("lang", "es"));
        String name = state.getOrDefault("lesson", "part5");
        LessonSource.Opened opened = LessonSource.open(name, name.contains(".") ? null : locale, locale, "lesson");
        Presenter presenter = new Presenter(opened.lesson(), opened.source(), locale);
        presenter.setTheme(Theme.fromName(state.getOrDefault("theme", "light")));
        MainWindow view = new MainWindow(presenter);
        stage.setScene(NextTokenApp.createScene(view));
        stage.setWidth(Double.parseDouble(state.getOrDefault("width", "1024")));
        stage.setHeight(Double.parseDouble(state.getOrDefault("height", "768")));
        stage.show();
        int trained = Integer.parseInt(state.getOrDefault("trained", "0"));
        if (trained > 0) {
            presenter.trainSteps(trained);
        }
        String side = state.getOrDefault("side", "closed");
        view.setControlsVisible(!side.equals("closed"));
        switch (side) {
            case "controls" -> select(view, "controls-tab");
            case "sampling" -> select(view, "sampling-tab");
            case "lesson" -> select(view, "editor-tab");
            default -> { }
        }
        String step = state.get("step");
        if (step != null) {
            if (step.chars().allMatch(Character::isDigit)) {
                presenter.goToNumber(Integer.parseInt(step));
            } else {
                presenter.goTo(Step.valueOf(step));
            }
        }
        if (state.containsKey("draws")) {
            presenter.sampleCounts(Integer.parseInt(state.get("draws")));
        }
        presenter.setRevealAll(Boolean.parseBoolean(state.getOrDefault("reveal", "false")));
        if ("training".equals(state.get("mode"))) {
            if (trained > 0) {
                presenter.compareWithIds(trained);
            }
            ((javafx.scene.control.ToggleButton) view.lookup("#training-mode")).fire();
        }
        if (state.containsKey("report")) {
            // What the screen-reading test would say of this very window, on the terminal.
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
            settle.setOnFinished(e -> {
                ScreenReader.problems(stage.getScene().getRoot(), String.join(" ", state.values()))
                        .forEach(System.out::println);
                System.out.println("read " + ScreenReader.textsRead(stage.getScene().getRoot()) + " texts");
            });
            settle.play();
        }
    }

    private static void select(MainWindow view, String tabId) {
        TabPane tabs = (TabPane) view.lookup(".tab-pane");
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
