package nexttoken.view.window;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import nexttoken.view.Texts;
import nexttoken.view.Scrolling;

/**
 * The help sheet of keys (View → Keys, F1), written from the window's own actions so that it
 * names every key that works and no key that does not: adding an action with a key puts it here.
 */
public final class KeysSheet {
    /** One line of the sheet: the keys, as the keyboard names them, and what they do. */
    public record Row(String keys, String does) {
    }

    private KeysSheet() {
    }

    /** The sheet's lines, in the actions' order; the digit keys of the steps make one line. */
    public static List<Row> rows(AppActions actions, Texts texts) {
        List<Row> rows = new ArrayList<>();
        List<String> stepKeys = new ArrayList<>();
        for (Action a : actions.all()) {
            if (a.keys().isEmpty()) {
                continue;
            }
            if (a.id().startsWith(AppActions.STEP_PREFIX)) {
                if (stepKeys.isEmpty()) {
                    rows.add(null); // the steps' line, filled in once every digit is known
                }
                stepKeys.add(a.id().substring(AppActions.STEP_PREFIX.length()));
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (KeyTrigger k : a.keys()) {
                // The keypad's twins (Add, Subtract, Numpad 0) say nothing a reader needs twice.
                if (!k.code().isKeypadKey()) {
                    keys.add(name(k));
                }
            }
            // A button's label can lean on what is around it ("Reveal" beside the poll); the sheet's own sentence, if any, says more.
            String own = texts.get("keys." + a.id());
            String does = !own.equals("keys." + a.id()) || a.labelKey() == null ? own : texts.get(a.labelKey());
            rows.add(new Row(String.join(", ", keys), does));
        }
        int steps = rows.indexOf(null);
        if (steps >= 0) {
            String span = stepKeys.size() == 1 ? stepKeys.get(0) : stepKeys.get(0) + " … " + stepKeys.get(stepKeys.size() - 1);
            rows.set(steps, new Row(span, texts.get("keys.steps")));
        }
        return rows;
    }

    /** "Page Down", "R", "Ctrl+S": a shortcut as the menus show it, any other key by its name. */
    static String name(KeyTrigger k) {
        if (k.accelerator() != null) {
            return k.accelerator().getDisplayText();
        }
        return k.code() == KeyCode.PERIOD ? "." : k.code().getName();
    }

    /** Opens the sheet over {@code owner}; Esc or F1 closes it again. */
    public static Stage show(Window owner, AppActions actions, Texts texts, List<String> stylesheets) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("keys-sheet");
        grid.setHgap(24);
        grid.setVgap(6);
        int r = 0;
        for (Row row : rows(actions, texts)) {
            Label keys = new Label(row.keys());
            keys.getStyleClass().add("keys-sheet-keys");
            keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label does = new Label(row.does());
            does.setWrapText(true);
            grid.addRow(r++, keys, does);
        }
        ScrollPane scroll = Scrolling.fittedToWidth(grid);
        scroll.getStyleClass().add("main-view");
        Scene scene = new Scene(scroll, 640, 560);
        scene.getStylesheets().setAll(stylesheets);
        Stage stage = new Stage();
        stage.setTitle(texts.get("menu.keys"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
