package nexttoken.view;

import javafx.scene.Cursor;

/**
 * A chart whose points a teacher drags: press on a point, move it (every number downstream
 * follows while the pointer moves), let go to make it one undoable edit. The scatter's
 * embeddings and the learned positions both work this way.
 */
abstract class DraggablePointsChart extends ChartCanvas {
    /** The point being dragged, or −1. */
    protected int dragging = -1;

    /** @param commit makes the moves of one drag a single undoable edit, when the pointer lets go */
    DraggablePointsChart(Runnable commit) {
        setOnMousePressed(e -> {
            if (draggable() && mayDragNow()) {
                dragging = hit(e.getX(), e.getY());
            }
        });
        setOnMouseDragged(e -> {
            if (dragging >= 0) {
                move(dragging, Math.round(dataX(e.getX()) * 100) / 100.0, Math.round(dataY(e.getY()) * 100) / 100.0);
            }
        });
        setOnMouseReleased(e -> {
            if (dragging >= 0) {
                dragging = -1;
                commit.run();
                redraw();
            }
        });
        setOnMouseMoved(e -> setCursor(draggable() && hit(e.getX(), e.getY()) >= 0 ? Cursor.HAND : Cursor.DEFAULT));
    }

    /** Whether the lesson's points can be dragged at all (two numbers each). */
    protected abstract boolean draggable();

    /** Whether the view's step is revealed, so that a drag shows what it changes. */
    protected abstract boolean mayDragNow();

    /** The point under (x, y) in the canvas, or −1. */
    protected abstract int hit(double x, double y);

    protected abstract double dataX(double pixel);

    protected abstract double dataY(double pixel);

    /** Moves point {@code index} to (x, y), rounded to hundredths. */
    protected abstract void move(int index, double x, double y);

}
