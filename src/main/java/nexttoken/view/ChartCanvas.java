package nexttoken.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A Canvas that fills its Region and redraws when resized, for plots whose marks grow
 * with the vocabulary (one node per point would not survive 100,000 tokens).
 */
public abstract class ChartCanvas extends Region {
    protected final Canvas canvas = new Canvas();
    private final javafx.scene.control.Label fontProbe = new javafx.scene.control.Label();

    protected ChartCanvas() {
        fontProbe.setVisible(false);
        fontProbe.setManaged(false);
        getChildren().addAll(canvas, fontProbe);
        setMinSize(0, 0);
        setPrefSize(400, 260);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        redraw();
    }

    public final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    /** The root font size, read from a hidden label: CSS scales every em from it, and so must the Canvas. */
    protected double rootFontSize() {
        double size = fontProbe.getFont().getSize();
        return size > 0 ? size : 16;
    }
}
