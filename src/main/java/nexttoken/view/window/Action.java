package nexttoken.view.window;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCombination;

/**
 * A command, defined once: the bundle key of its label, the keys that run it and what it
 * does. Menus, the toolbar and {@link KeyBindings} are built from actions, so a command
 * has the same label and the same keys wherever it is offered.
 *
 * @param labelKey null for a command that only keys run (the digit keys)
 * @param selected for a command that switches something on and off: whether it is on now; null otherwise
 */
public record Action(String id, String labelKey, List<KeyTrigger> keys, Runnable handler, BooleanSupplier selected) {

    public Action {
        keys = List.copyOf(keys);
    }

    public static Action of(String id, String labelKey, Runnable handler, KeyTrigger... keys) {
        return new Action(id, labelKey, List.of(keys), handler, null);
    }

    public static Action toggle(String id, String labelKey, BooleanSupplier selected, Runnable handler, KeyTrigger... keys) {
        return new Action(id, labelKey, List.of(keys), handler, selected);
    }

    public void run() {
        handler.run();
    }

    /** The first shortcut among its keys, for a menu to show; null when it has none. */
    public KeyCombination accelerator() {
        return keys.stream().map(KeyTrigger::accelerator).filter(a -> a != null).findFirst().orElse(null);
    }
}
