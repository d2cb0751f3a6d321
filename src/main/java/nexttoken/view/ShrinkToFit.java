package nexttoken.view;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows its content at the content's preferred size, scaled down (never up) to the width it
 * is given. A table of numbers in a narrow panel (three panels side by side at 1024×768)
 * then stays whole and a little smaller, where a GridPane would cut every number to "0…".
 * Below {@link #SMALLEST} the text would be too small to read from the back of a room, so
 * the content stops shrinking and is cut instead.
 */
final class ShrinkToFit extends Region {
    static final double SMALLEST = 0.5;

    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    /** The smallest share of its height it may be given when it also fits the height (0: it does not). */
    private double smallestHeightShare;

    ShrinkToFit(Region content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        setMinWidth(0);
    }

    /**
     * How much larger than the kept factor the content may grow before it is drawn larger again:
     * a tenth of its size, more than a number's digits change while a slider is dragged.
     */
    static final double REGROW = 0.1;
    /** The factor of the last layout and the room it was for (NaN before the first). */
    private double keptFactor = Double.NaN;
    private double keptRoom = Double.NaN;

    /**
     * The factor for a width: the largest that fits, except that in the room of the last layout
     * the factor laid out then is kept while the content still fits it, still needs shrinking,
     * could not grow by a tenth ({@link #REGROW}) and is not below the readable floor (smaller
     * type raises the floor). The f1 table's numbers change width as a weight is dragged; a
     * factor following them made the whole table change size at every move (0.86 to 0.92 at
     * 1920×1080), which a class sees as breathing and the software renderer paid for by drawing
     * every glyph of the table again, as outlines (a scaled glyph is not a cached mask): up to
     * 9 ms of a frame's painting at 100,000 tokens.
     */
    private double factorFor(double width) {
        if (width < 0) {
            return 1;
        }
        double wanted = content.prefWidth(-1);
        double room = roomIn(width);
        if (wanted <= room || wanted <= 0) {
            return 1;
        }
        double floor = floor();
        double fits = Math.max(floor, room / wanted);
        boolean keep = room == keptRoom && keptFactor <= fits && fits < keptFactor * (1 + REGROW) && keptFactor >= floor;
        return keep ? keptFactor : fits;
    }

    /** The width left for the content inside its insets. */
    private double roomIn(double width) {
        return width - snappedLeftInset() - snappedRightInset();
    }

    /** Type is never drawn below this many pixels: what the back of a room still reads at 1024×768. */
    static final double READABLE_PX = 12;

    /**
     * The smallest factor: {@link #SMALLEST}, or more when the content's smallest type would
     * otherwise be drawn below {@link #READABLE_PX} (the projector's f1 table after training
     * drew its × and ≈ at 11.6 px, issue 17).
     */
    private double floor() {
        double smallest = smallestType(content);
        return smallest <= 0 || smallest == Double.MAX_VALUE ? SMALLEST : Math.min(1, Math.max(SMALLEST, READABLE_PX / smallest));
    }

    private static double smallestType(javafx.scene.Node node) {
        double smallest = Double.MAX_VALUE;
        if (!node.isVisible()) {
            return smallest;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()
                && l.getFont() != null) {
            smallest = l.getFont().getSize();
        } else if (node instanceof javafx.scene.text.Text t && t.getText() != null && !t.getText().isBlank()) {
            smallest = t.getFont().getSize();
        }
        if (node instanceof javafx.scene.Parent p && !(node instanceof javafx.scene.control.Labeled)) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                smallest = Math.min(smallest, smallestType(child));
            }
        }
        return smallest;
    }

    /** The largest factor the content may be drawn at in {@code width} × {@code height}, not below the readable floor. */
    double largestFactor(double width, double height) {
        return Math.max(floor(), Math.min(factorFor(width), heightFactor(height)));
    }

    /** The smallest factor the content is drawn at: the readable floor. */
    double floorFactor() {
        return floor();
    }

    /** Its width with the content drawn at {@code factor}: the width that makes it draw at that factor. */
    double widthAt(double factor) {
        return snappedLeftInset() + content.prefWidth(-1) * factor + snappedRightInset();
    }

    /** Its height with the content drawn at {@code factor} in {@code width}. */
    double heightAt(double width, double factor) {
        return snappedTopInset() + contentHeight(laidWidth(width, factor)) * factor + snappedBottomInset();
    }

    /** Whether the content, drawn no smaller than the readable floor, is at most {@code height} tall at {@code width}. */
    boolean fitsHeight(double width, double height) {
        double f = Math.max(Math.min(factorFor(width), heightFactor(height)), floor());
        return snappedTopInset() + contentHeight(laidWidth(width, f)) * f + snappedBottomInset() <= height + 0.5;
    }

    /** The height of the content drawn at the readable floor, at {@code width}. */
    double smallestHeight(double width) {
        double f = Math.min(factorFor(width), floor());
        return snappedTopInset() + contentHeight(laidWidth(width, f)) * f + snappedBottomInset();
    }

    /** The width of the content drawn at the readable floor. */
    double smallestWidth() {
        return snappedLeftInset() + content.prefWidth(-1) * floor() + snappedRightInset();
    }

    private double heightFactor(double height) {
        double h = contentHeight(content.prefWidth(-1));
        double room = height - snappedTopInset() - snappedBottomInset();
        return h <= 0 ? 1 : Math.min(1, room / h);
    }

    /** Its height depends on its width (a narrower box draws the content smaller): parents ask for it so. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + content.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double f = factorFor(width);
        double laidWidth = laidWidth(width, f);
        return snappedTopInset() + contentHeight(laidWidth) * f + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return smallestHeightShare > 0 ? computePrefHeight(width) * smallestHeightShare : computePrefHeight(width);
    }

    /**
     * Also drawn smaller when its parent has less height than it wants, down to {@code smallestShare}
     * of it: the f1 table gives up a little size when the step's caption takes lines above it,
     * where the sum and the equation under it would otherwise be pushed out of the panel.
     */
    ShrinkToFit fittingHeightDownTo(double smallestShare) {
        smallestHeightShare = smallestShare;
        return this;
    }

    /** The width the content is laid out at before scaling: its own, or what is left once scaling stops. */
    private double laidWidth(double width, double factor) {
        double wanted = content.prefWidth(-1);
        if (width < 0) {
            return wanted;
        }
        return Math.min(wanted, roomIn(width) / factor);
    }

    /**
     * The content's height at a width. A table of unwrapped labels is as tall at any width, and
     * asked without a width JavaFX answers from its cache: a slider move asks several times per
     * pulse, and each answer at a width measured every number again.
     */
    private double contentHeight(double width) {
        return content.getContentBias() == null ? content.prefHeight(-1) : content.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double f = factorFor(getWidth());
        keptFactor = f;
        keptRoom = roomIn(getWidth());
        double w = laidWidth(getWidth(), f);
        double h = contentHeight(w);
        double room = getHeight() - snappedTopInset() - snappedBottomInset();
        if (smallestHeightShare > 0 && h * f > room && h > 0) {
            f = Math.max(Math.max(f * smallestHeightShare, room / h), Math.min(f, floor()));
        }
        content.resizeRelocate(snappedLeftInset(), snappedTopInset(), w, h);
        scale.setX(f);
        scale.setY(f);
    }
}
