package nexttoken.view;

import javafx.scene.layout.Region;

/**
 * A cell whose content cannot ask the window to lay itself out again. A panel in the view
 * grid is sized by its share of the window, never by what it shows, so a number changing
 * inside it (every slider move) needs only the panel itself laid out. JavaFX stops a layout
 * request at an unmanaged node; this region holds its content unmanaged and sizes it itself.
 */
public final class LayoutBoundary extends Region {
    private final Region content;

    public LayoutBoundary(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        setMinSize(0, 0);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }
}
