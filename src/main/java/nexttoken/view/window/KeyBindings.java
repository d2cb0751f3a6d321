package nexttoken.view.window;

import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * The keys of a set of actions on one scene. A filter on the scene sees a key before a
 * focused slider or list would use it, so the clicker steps whichever control has focus;
 * a text field keeps the keys that typing needs. Any window can install its own set.
 */
public final class KeyBindings {
    private final Scene scene;
    private final EventHandler<KeyEvent> filter;

    private KeyBindings(Scene scene, List<Action> actions) {
        this.scene = scene;
        List<Action> bound = List.copyOf(actions);
        this.filter = e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            for (Action a : bound) {
                for (KeyTrigger k : a.keys()) {
                    if (k.matches(e, typing)) {
                        a.run();
                        e.consume();
                        return;
                    }
                }
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    public static KeyBindings install(Scene scene, List<Action> actions) {
        return new KeyBindings(scene, actions);
    }

    /** Takes the keys off the scene again (a window reused for something else). */
    public void uninstall() {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
    }
}
