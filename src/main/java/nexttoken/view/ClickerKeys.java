package nexttoken.view;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import nexttoken.presenter.Presenter;

/** The keys a teacher and a clicker send, installable on any window's scene. */
public final class ClickerKeys {
    private ClickerKeys() {
    }

    /**
     * The clicker's keys work whichever control has focus: a filter on the scene sees
     * them before a focused slider would move. A text field keeps the keys typing needs.
     *
     * @param fullScreen what F5 and F11 do in this window
     */
    public static void install(Scene scene, Presenter presenter, Runnable fullScreen) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            KeyCode code = e.getCode();
            boolean handled = true;
            if (code == KeyCode.PAGE_DOWN || (!typing && (code == KeyCode.RIGHT || code == KeyCode.SPACE))) {
                presenter.next();
            } else if (code == KeyCode.PAGE_UP || (!typing && (code == KeyCode.LEFT || code == KeyCode.BACK_SPACE))) {
                presenter.back();
            } else if (!typing && code == KeyCode.HOME) {
                presenter.home();
            } else if (!typing && code == KeyCode.END) {
                presenter.end();
            } else if (e.isShortcutDown() && (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD)) {
                presenter.zoomIn();
            } else if (e.isShortcutDown() && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)) {
                presenter.zoomOut();
            } else if (e.isShortcutDown() && (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0)) {
                presenter.resetZoom();
            } else if (code == KeyCode.F5 || code == KeyCode.F11) {
                fullScreen.run();
            } else if (!typing && code.isDigitKey() && !e.isShortcutDown()) {
                presenter.goToNumber(digit(code));
            } else {
                handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        return Character.getNumericValue(name.charAt(name.length() - 1));
    }
}
