package nexttoken.view;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The toolbar: the lesson's controls at the left, the modes at the right, on one line when
 * they fit; when they do not (the projector's larger type in Spanish, a lesson file's long
 * name at 1024 px), the right group moves to a second line, still at the right, instead of
 * pushing the window wider than the screen and cutting its last buttons (issue 17).
 */
public final class ToolbarRow extends Pane {
    private final List<Node> leading;
    private final List<Node> trailing;
    private final double gap;

    public ToolbarRow(double gap, List<Node> leading, List<Node> trailing) {
        this.gap = gap;
        this.leading = List.copyOf(leading);
        this.trailing = List.copyOf(trailing);
        getChildren().addAll(this.leading);
        getChildren().addAll(this.trailing);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private double width(List<Node> nodes) {
        double w = 0;
        for (Node n : nodes) {
            w += snapSizeX(n.prefWidth(-1));
        }
        return w + gap * Math.max(0, nodes.size() - 1);
    }

    private double height(List<Node> nodes) {
        double h = 0;
        for (Node n : nodes) {
            h = Math.max(h, snapSizeY(n.prefHeight(-1)));
        }
        return h;
    }

    private boolean oneLine(double width) {
        return width < 0 || width(leading) + gap + width(trailing) <= width - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(width(leading), width(trailing)) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + width(leading) + gap + width(trailing) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double content = oneLine(width) ? Math.max(height(leading), height(trailing))
                : height(leading) + gap + height(trailing);
        return snappedTopInset() + content + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double right = getWidth() - snappedRightInset();
        double top = snappedTopInset();
        boolean one = oneLine(getWidth());
        double lineOne = one ? Math.max(height(leading), height(trailing)) : height(leading);
        place(leading, left, top, lineOne, false);
        double trailingTop = one ? top : top + lineOne + gap;
        place(trailing, right, trailingTop, one ? lineOne : height(trailing), true);
    }

    /** A line of nodes from {@code x} (their left edge, or with {@code fromRight} their right edge), centred in the line. */
    private void place(List<Node> nodes, double x, double top, double lineHeight, boolean fromRight) {
        double at = fromRight ? x - width(nodes) : x;
        for (Node n : nodes) {
            double w = snapSizeX(n.prefWidth(-1));
            double h = Math.min(lineHeight, snapSizeY(n.prefHeight(w)));
            n.resizeRelocate(snapPositionX(at), snapPositionY(top + (lineHeight - h) / 2), w, h);
            at += w + gap;
        }
    }
}
