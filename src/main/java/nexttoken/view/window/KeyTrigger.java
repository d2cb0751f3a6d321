package nexttoken.view.window;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A key that runs an action. The clicker's keys work with any modifier held, and some
 * keys (the arrows, the digits) belong to a text field while someone types in it.
 */
public record KeyTrigger(KeyCode code, Modifiers modifiers, boolean whileTyping) {

    public enum Modifiers {
        /** Whatever else is held. */
        ANY,
        /** Without the shortcut key (Ctrl, or ⌘ on a Mac). */
        NO_SHORTCUT,
        /** With the shortcut key, Shift or not. */
        SHORTCUT,
        /** With the shortcut key and without Shift. */
        SHORTCUT_ONLY,
        /** With the shortcut key and Shift. */
        SHORTCUT_SHIFT
    }

    public static KeyTrigger any(KeyCode code) {
        return new KeyTrigger(code, Modifiers.ANY, true);
    }

    /** A key a text field needs while it has the focus. */
    public static KeyTrigger notTyping(KeyCode code, Modifiers modifiers) {
        return new KeyTrigger(code, modifiers, false);
    }

    public static KeyTrigger shortcut(KeyCode code, Modifiers modifiers) {
        return new KeyTrigger(code, modifiers, true);
    }

    public boolean matches(KeyEvent e, boolean typing) {
        if (e.getCode() != code || (typing && !whileTyping)) {
            return false;
        }
        return switch (modifiers) {
            case ANY -> true;
            case NO_SHORTCUT -> !e.isShortcutDown();
            case SHORTCUT -> e.isShortcutDown();
            case SHORTCUT_ONLY -> e.isShortcutDown() && !e.isShiftDown();
            case SHORTCUT_SHIFT -> e.isShortcutDown() && e.isShiftDown();
        };
    }

    /** How a menu shows this key, or null for keys that are not shortcuts (the clicker's). */
    public KeyCombination accelerator() {
        return switch (modifiers) {
            case SHORTCUT, SHORTCUT_ONLY -> new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
            case SHORTCUT_SHIFT -> new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
            case ANY, NO_SHORTCUT -> null;
        };
    }
}
