package nexttoken.view.present;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * A node laid out at a screen's size and drawn scaled down to fit: the presenter window's
 * pictures of the projector show the panels as the class sees them — the same line breaks,
 * the same type size relative to the panels — only smaller.
 */
final class Miniature extends Region {
    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private double contentWidth;
    private double contentHeight;

    Miniature(Region content, double width, double height) {
        this.content = content;
        content.getTransforms().add(scale);
        content.setManaged(false);
        getChildren().add(content);
        setMinSize(0, 0);
        setSize(width, height);
    }

    /** The screen size the content is laid out at, before scaling. */
    void setSize(double width, double height) {
        contentWidth = width;
        contentHeight = height;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double s = Math.min(getWidth() / contentWidth, getHeight() / contentHeight);
        if (!(s > 0)) {
            return;
        }
        scale.setX(s);
        scale.setY(s);
        content.resizeRelocate(0, 0, contentWidth, contentHeight);
        content.setLayoutX((getWidth() - contentWidth * s) / 2);
        content.setLayoutY(0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return contentWidth / 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        return width > 0 ? width * contentHeight / contentWidth : contentHeight / 2;
    }
}
