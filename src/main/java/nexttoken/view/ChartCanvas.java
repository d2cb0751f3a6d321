package nexttoken.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A Canvas that fills its Region and redraws when resized, for plots whose marks grow
 * with the vocabulary (one node per point would not survive 100,000 tokens).
 */
public abstract class ChartCanvas extends Region implements nexttoken.export.PngExport.DrawsAtExportScale {
    protected final Canvas canvas = new Canvas();
    /** Canvas pixels per layout unit: 1 on screen; an export at 2× or 3× draws that many, so its marks stay sharp. */
    private int pixelScale = 1;
    private final javafx.scene.transform.Scale shrink = new javafx.scene.transform.Scale(1, 1, 0, 0);
    private final javafx.scene.control.Label fontProbe = probe("chart-probe-text");
    private final javafx.scene.control.Label mutedProbe = probe("chart-probe-muted");
    private final javafx.scene.control.Label gridProbe = probe("chart-probe-grid");
    private final javafx.scene.control.Label backgroundProbe = probe("chart-probe-background");

    protected ChartCanvas() {
        getChildren().addAll(canvas, fontProbe, mutedProbe, gridProbe, backgroundProbe);
        canvas.getTransforms().add(shrink);
        getStyleClass().add("chart-canvas");
        setMinSize(0, 0);
        setPrefSize(400, 260);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w * pixelScale || canvas.getHeight() != h * pixelScale) {
            canvas.setWidth(w * pixelScale);
            canvas.setHeight(h * pixelScale);
        }
        redraw();
    }

    /**
     * Draws the next snapshot at {@code scale} canvas pixels per unit (the canvas shrunk back
     * to its size in the layout), instead of a 1× bitmap the snapshot would blow up and blur.
     */
    @Override
    public void setExportScale(int scale) {
        pixelScale = Math.max(1, scale);
        shrink.setX(1.0 / pixelScale);
        shrink.setY(1.0 / pixelScale);
        layoutChildren();
    }

    /**
     * A text the last draw put on the canvas: where, in this region's layout units, at what
     * size, and whether {@code fillText}'s maximum width squeezed it. Canvas text is pixels, not
     * nodes, so this is how a test reads it as it reads a label (issue 17).
     */
    public record DrawnText(String text, javafx.geometry.Bounds bounds, double fontSize, boolean squeezed) {
    }

    private final java.util.List<DrawnText> drawnTexts = new java.util.ArrayList<>();
    private final javafx.scene.text.Text measuring = new javafx.scene.text.Text();

    /** The texts of the last draw, in the order they were drawn. */
    public java.util.List<DrawnText> drawnTexts() {
        return java.util.List.copyOf(drawnTexts);
    }

    /** {@code g.fillText}, kept in {@link #drawnTexts()} with the box it covers. */
    protected final void fillText(GraphicsContext g, String text, double x, double y) {
        g.fillText(text, x, y);
        record(g, text, x, y, Double.NaN);
    }

    /** {@code g.fillText} with a maximum width; a text wider than that is drawn squeezed, and recorded so. */
    protected final void fillText(GraphicsContext g, String text, double x, double y, double maxWidth) {
        g.fillText(text, x, y, maxWidth);
        record(g, text, x, y, maxWidth);
    }

    private void record(GraphicsContext g, String text, double x, double y, double maxWidth) {
        if (text == null || text.isEmpty()) {
            return;
        }
        measuring.setFont(g.getFont());
        measuring.setText(text);
        double w = measuring.getLayoutBounds().getWidth();
        double h = measuring.getLayoutBounds().getHeight();
        boolean squeezed = !Double.isNaN(maxWidth) && w > maxWidth + 0.5;
        if (!Double.isNaN(maxWidth)) {
            w = Math.min(w, maxWidth);
        }
        double minX = switch (g.getTextAlign()) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        double minY = switch (g.getTextBaseline()) {
            case TOP -> y;
            case CENTER -> y - h / 2;
            case BOTTOM -> y - h;
            default -> y - measuring.getBaselineOffset();
        };
        // Into canvas pixels through the context's transform, then back to layout units.
        javafx.geometry.Bounds inCanvas = g.getTransform().transform(new javafx.geometry.BoundingBox(minX, minY, w, h));
        javafx.geometry.Bounds inRegion = canvas.localToParent(inCanvas);
        double size = g.getFont().getSize() * inRegion.getHeight() / Math.max(h, 1e-9);
        drawnTexts.add(new DrawnText(text, inRegion, size, squeezed));
    }

    /** How many times the canvas was drawn: a test's way to see that a move only moved the marks. */
    int drawings() {
        return drawings;
    }

    private int drawings;

    public final void redraw() {
        drawings++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        drawnTexts.clear();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            g.save();
            g.scale(pixelScale, pixelScale);
            draw(g, canvas.getWidth() / pixelScale, canvas.getHeight() / pixelScale);
            g.restore();
        }
        placeMarks();
    }

    /**
     * Places the chart's marks that are nodes over the canvas, not pixels in it: the few that
     * change on their own (the sampled token's ring), so that a change to them repaints their
     * own few pixels, not a canvas of 100,000 points. Called after every draw, and alone by a
     * chart whose new data moved only its marks.
     */
    protected void placeMarks() {
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    private static javafx.scene.control.Label probe(String styleClass) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.getStyleClass().add(styleClass);
        l.setVisible(false);
        l.setManaged(false);
        return l;
    }

    /** The theme's colours and the root size, as CSS resolved them on the hidden labels. */
    protected ChartStyle style(boolean heavy) {
        return ChartStyle.of(rootFontSize(), color(fontProbe, "#1A1A1A"), color(mutedProbe, "#5F6368"),
                color(gridProbe, "#D8D8D8"), color(backgroundProbe, "#FFFFFF"), heavy);
    }

    private static javafx.scene.paint.Color color(javafx.scene.control.Label probe, String fallback) {
        return probe.getTextFill() instanceof javafx.scene.paint.Color c ? c : javafx.scene.paint.Color.web(fallback);
    }

    /** The root font size, read from a hidden label: CSS scales every em from it, and so must the Canvas. */
    protected double rootFontSize() {
        double size = fontProbe.getFont().getSize();
        return size > 0 ? size : 16;
    }
}
