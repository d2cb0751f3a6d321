package nexttoken.view;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** The app's scroll panes: fitted to their content's width, their viewport drawn in place. */
public final class Scrolling {
    private Scrolling() {
    }

    /**
     * JavaFX's scroll pane keeps its viewport as a cached image (JDK-8089499). A change anywhere
     * inside it (a slider's thumb, the number in a field) then draws the whole viewport into that
     * image again before the image reaches the screen: with the controls in a scroll pane that
     * was about 2 ms for each changed spot of the side panel in software rendering, two or more
     * every time a student drags a slider (-Pbench, JFR's painting time per dirty region). Drawn
     * in place, only the changed spot is painted.
     */
    public static ScrollPane fittedToWidth(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.skinProperty().addListener((o, was, skin) -> drawInPlace(scroll));
        return scroll;
    }

    private static void drawInPlace(ScrollPane scroll) {
        for (Node child : scroll.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
