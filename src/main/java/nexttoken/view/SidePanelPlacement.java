package nexttoken.view;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * Where the side panel (controls, sampling, lesson) goes. On a wide screen it sits beside the
 * panels; on a projector's 1024 pixels that would squeeze every panel until its titles, cells
 * and bar values are cut, so there it lies over the right of the panels instead, which keep
 * their whole width (the teacher closes it again to show the covered ones).
 */
final class SidePanelPlacement {
    /** From this window width on, the panels keep their text whole with the side panel beside them. */
    static final double BESIDE_FROM = 1300;
    /** The overlay's share of the window: room for the sampling table's five columns. */
    private static final double OVERLAY_SHARE = 0.42;

    private final BorderPane window;
    private final Region side;
    private final BooleanProperty shown;

    private SidePanelPlacement(BorderPane window, Region side, BooleanProperty shown) {
        this.window = window;
        this.side = side;
        this.shown = shown;
    }

    static void install(BorderPane window, Region side, BooleanProperty shown) {
        SidePanelPlacement placement = new SidePanelPlacement(window, side, shown);
        shown.addListener(o -> placement.place());
        window.widthProperty().addListener(o -> placement.place());
        window.heightProperty().addListener(o -> placement.relocate());
        // The toolbar, a banner or the step row may grow after the panel was placed: it follows them.
        for (Node bar : new Node[] {window.getTop(), window.getBottom()}) {
            if (bar != null) {
                bar.boundsInParentProperty().addListener(o -> placement.relocate());
            }
        }
        side.getStyleClass().add("side-panel");
        placement.place();
    }

    private boolean overlaid() {
        return shown.get() && window.getWidth() > 0 && window.getWidth() < BESIDE_FROM;
    }

    private void place() {
        boolean overlay = overlaid();
        side.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overlay"), overlay);
        if (!shown.get()) {
            window.setRight(null);
            window.getChildren().remove(side);
            return;
        }
        if (!overlay) {
            window.getChildren().remove(side);
            side.setManaged(true);
            window.setRight(side);
            return;
        }
        if (window.getRight() == side) {
            window.setRight(null);
        }
        side.setManaged(false);
        if (!window.getChildren().contains(side)) {
            window.getChildren().add(side);
        }
        relocate();
        // The top and bottom bars may change height after this: follow them.
        javafx.application.Platform.runLater(this::relocate);
    }

    /** Over the panels' area, against the right edge, below the toolbar and above the status line. */
    private void relocate() {
        if (!overlaid()) {
            return;
        }
        Node top = window.getTop();
        Node bottom = window.getBottom();
        double y = top == null ? 0 : top.getBoundsInParent().getMaxY();
        double endY = bottom == null ? window.getHeight() : bottom.getBoundsInParent().getMinY();
        double width = Math.floor(window.getWidth() * OVERLAY_SHARE);
        side.resizeRelocate(window.getWidth() - width, y, width, Math.max(0, endY - y));
        side.toFront();
    }
}
