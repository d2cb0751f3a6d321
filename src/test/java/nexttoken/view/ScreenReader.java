package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Reads the window as the back row does: every visible {@link Labeled} and {@link Text}, and
 * what of it is actually drawn. A problem is a text drawn shorter than it is (JavaFX's
 * ellipsis: "Tokens and their…"), a text that leaves the panel it belongs to (cut by the
 * panel's edge, or a table cell's text by its column), or a text drawn smaller than
 * {@link #SMALLEST_PX} (a table shrunk to fit).
 */
final class ScreenReader {
    /** Type below this many pixels on a 1024×768 projector is not read from the back of a room. */
    static final double SMALLEST_PX = 12;
    /** Sub-pixel overhang from anti-aliasing and snapping is not a cut. */
    private static final double SLACK = 1.5;

    private final List<String> problems = new ArrayList<>();
    private final String state;
    private int read;

    private ScreenReader(String state) {
        this.state = state;
    }

    /** Every problem of the scene under {@code root}, each naming the state and the node. */
    static List<String> problems(Parent root, String state) {
        ScreenReader reader = new ScreenReader(state);
        Bounds window = root.localToScene(root.getLayoutBounds());
        reader.walk(root, new Frame(window, root, true));
        if (reader.read == 0) {
            reader.problems.add(state + ": nothing to read (the walk found no text)");
        }
        return reader.problems;
    }

    /** Texts read by the last walk in a state, to show a test of the walk reads something. */
    static int textsRead(Parent root) {
        ScreenReader reader = new ScreenReader("count");
        reader.walk(root, new Frame(root.localToScene(root.getLayoutBounds()), root, true));
        return reader.read;
    }

    /** Texts the visible canvases under {@code root} drew (and the walk reads). */
    static int canvasTextsRead(Parent root) {
        int n = 0;
        for (Node node : root.lookupAll(".chart-canvas")) {
            if (node instanceof ChartCanvas chart && chart.isVisible() && chart.getScene() != null) {
                n += chart.drawnTexts().size();
            }
        }
        return n;
    }

    /** The panel a text must stay inside: its bounds in the scene, and whether its height counts (no vertical scroll). */
    private record Frame(Bounds bounds, Node owner, boolean vertical) {
    }

    private void walk(Node node, Frame frame) {
        boolean wholeArea = node instanceof TextArea && node.getStyleClass().contains(WrappingField.STYLE_CLASS);
        if (!node.isVisible() || node.getOpacity() == 0 || node instanceof TextArea && !wholeArea) {
            return; // a corpus being edited scrolls; it is not read as a text
        }
        if (wholeArea) {
            readWrapping((TextArea) node);
        }
        Frame inner = frameOf(node, frame);
        if (node instanceof ChartCanvas chart) {
            readCanvas(chart, inner);
        }
        if (node instanceof TableView<?> table) {
            readScrolling(table, table.getItems().size());
        } else if (node instanceof javafx.scene.control.ListView<?> list) {
            readScrolling(list, list.getItems().size());
        }
        if (node instanceof Labeled labeled) {
            readLabeled(labeled, inner);
        } else if (node instanceof Text text && !isLabelsOwnText(text)) {
            readText(text, text.getText(), inner);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, inner);
            }
        }
    }

    /** A step panel, a tab's content, a table, a field or a scroll pane's viewport is the edge its texts must keep to. */
    private static Frame frameOf(Node node, Frame outer) {
        if (node instanceof StepView || node instanceof TabPane) {
            return new Frame(intersect(sceneBounds(node), outer.bounds()), node, outer.vertical());
        }
        if (node instanceof ScrollPane scroll) {
            Node viewport = scroll.getContent() == null ? scroll : scroll.getContent().getParent();
            Bounds seen = viewport == null ? sceneBounds(scroll) : viewport.localToScene(viewport.getLayoutBounds());
            return new Frame(intersect(seen, outer.bounds()), node, false);
        }
        if (node instanceof TableView<?> || node instanceof javafx.scene.control.ListView<?>) {
            return new Frame(intersect(sceneBounds(node), outer.bounds()), node, false);
        }
        if (node instanceof TextInputControl) {
            return new Frame(intersect(sceneBounds(node), outer.bounds()), node, outer.vertical());
        }
        if (node instanceof javafx.scene.control.TableCell<?, ?> || node instanceof javafx.scene.control.ListCell<?>) {
            // A cell's text keeps to its column: one wider than the column is clipped by it, or runs
            // into the next cell, without an ellipsis. Down, the table's viewport still decides what shows.
            Bounds cell = sceneBounds(node);
            Bounds across = new javafx.geometry.BoundingBox(cell.getMinX(), outer.bounds().getMinY(),
                    cell.getWidth(), outer.bounds().getHeight());
            return new Frame(intersect(across, outer.bounds()), node, outer.vertical());
        }
        return outer;
    }

    /** A lesson's few rows must all show: a class cannot scroll a projected table. */
    static final int ROWS_THAT_MUST_SHOW = 30;

    private void readScrolling(javafx.scene.control.Control table, int rows) {
        if (rows == 0 || rows > ROWS_THAT_MUST_SHOW) {
            return; // 100,000 tokens scroll by nature
        }
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar s && s.getOrientation() == javafx.geometry.Orientation.VERTICAL
                    && s.isVisible() && s.getVisibleAmount() < s.getMax() - s.getMin()) {
                problems.add(state + ": " + describe(table) + " scrolls: its " + rows + " rows do not all show");
                return;
            }
        }
    }

    /** A value that wraps instead of scrolling (a lesson's title) must show all its lines. */
    private void readWrapping(TextArea area) {
        for (Node bar : area.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar s && s.isVisible() && s.getVisibleAmount() < s.getMax() - s.getMin()) {
                problems.add(state + ": " + describe(area) + " \"" + area.getText() + "\" scrolls: its lines do not all show");
                return;
            }
        }
    }

    /**
     * The texts a canvas drew (scatter labels, axis ticks, the loss curve's legend): each must
     * stay inside the canvas and its panel, keep its whole width, be drawn at a readable size,
     * and not overlap another text of the same canvas.
     */
    private void readCanvas(ChartCanvas chart, Frame frame) {
        Bounds edge = intersect(sceneBounds(chart), frame.bounds());
        List<Bounds> drawn = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (ChartCanvas.DrawnText t : chart.drawnTexts()) {
            if (t.text().isBlank()) {
                continue;
            }
            read++;
            String what = describe(chart) + " drew \"" + t.text() + "\"";
            Bounds b = chart.localToScene(t.bounds());
            if (b.getMinX() < edge.getMinX() - SLACK || b.getMaxX() > edge.getMaxX() + SLACK
                    || b.getMinY() < edge.getMinY() - SLACK || b.getMaxY() > edge.getMaxY() + SLACK) {
                problems.add(state + ": " + what + String.format(" outside its canvas (text %.0f–%.0f × %.0f–%.0f,"
                        + " canvas %.0f–%.0f × %.0f–%.0f)", b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY(),
                        edge.getMinX(), edge.getMaxX(), edge.getMinY(), edge.getMaxY()));
            }
            if (t.squeezed()) {
                problems.add(state + ": " + what + " squeezed to fit its room");
            }
            if (t.fontSize() < SMALLEST_PX - 0.01) {
                problems.add(state + ": " + what + " at " + String.format("%.1f", t.fontSize()) + " px (< " + SMALLEST_PX + ")");
            }
            for (int i = 0; i < drawn.size(); i++) {
                Bounds o = drawn.get(i);
                double across = Math.min(o.getMaxX(), b.getMaxX()) - Math.max(o.getMinX(), b.getMinX());
                double down = Math.min(o.getMaxY(), b.getMaxY()) - Math.max(o.getMinY(), b.getMinY());
                if (across > SLACK && down > SLACK) {
                    problems.add(state + ": " + what + " overlaps \"" + texts.get(i) + "\"");
                }
            }
            drawn.add(b);
            texts.add(t.text());
        }
    }

    private void readLabeled(Labeled labeled, Frame frame) {
        String full = labeled.getText();
        if (full == null || full.isEmpty() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return;
        }
        Text drawn = drawnText(labeled);
        if (drawn == null) {
            return; // no skin yet: not on screen
        }
        if (labeled.isMnemonicParsing()) {
            full = full.replaceFirst("_(?=.)", "");
        }
        read++;
        if (!full.equals(drawn.getText())) {
            problems.add(state + ": " + describe(labeled) + " shows \"" + drawn.getText() + "\" of \"" + full + "\"");
            return;
        }
        readText(drawn, full, frame);
    }

    private void readText(Text text, String content, Frame frame) {
        if (content == null || content.isBlank()) {
            return;
        }
        read++;
        Bounds b = text.localToScene(text.getLayoutBounds());
        Bounds edge = frame.bounds();
        boolean outsideX = b.getMinX() < edge.getMinX() - SLACK || b.getMaxX() > edge.getMaxX() + SLACK;
        boolean outsideY = frame.vertical() && (b.getMinY() < edge.getMinY() - SLACK || b.getMaxY() > edge.getMaxY() + SLACK);
        if (frame.vertical() ? false : b.getMaxY() < edge.getMinY() || b.getMinY() > edge.getMaxY()) {
            return; // scrolled out of view, as a scroll pane's content may be
        }
        Node owner = text.getParent() instanceof Labeled l ? l : text;
        if (outsideX || outsideY) {
            problems.add(state + ": " + describe(owner) + " \"" + content + "\" leaves " + describe(frame.owner())
                    + String.format(" (text %.0f–%.0f × %.0f–%.0f, panel %.0f–%.0f × %.0f–%.0f)", b.getMinX(), b.getMaxX(),
                    b.getMinY(), b.getMaxY(), edge.getMinX(), edge.getMaxX(), edge.getMinY(), edge.getMaxY()));
        }
        Point2D origin = text.localToScene(0, 0);
        Point2D em = text.localToScene(0, text.getFont().getSize());
        double px = em.distance(origin);
        if (px < SMALLEST_PX - 0.01) {
            problems.add(state + ": " + describe(owner) + " \"" + content + "\" is drawn at " + String.format("%.1f", px)
                    + " px (< " + SMALLEST_PX + ")");
        }
    }

    private static Text drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t;
            }
        }
        return null;
    }

    private static boolean isLabelsOwnText(Text text) {
        return text.getParent() instanceof Labeled && text.getStyleClass().contains("text");
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new javafx.geometry.BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    /** "Label#f1-sum.f1-sum in WeightedSumView": enough to find the node in the code. */
    static String describe(Node node) {
        Class<?> type = node.getClass();
        while (type.getSimpleName().isEmpty()) {
            type = type.getSuperclass(); // a table's cell is an anonymous TableCell: name the TableCell
        }
        StringBuilder out = new StringBuilder(type.getSimpleName());
        if (node.getId() != null) {
            out.append('#').append(node.getId());
        }
        node.getStyleClass().forEach(c -> out.append('.').append(c));
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof StepView || up.getId() != null) {
                out.append(" in ").append(up.getClass().getSimpleName()).append(up.getId() == null ? "" : "#" + up.getId());
                break;
            }
        }
        return out.toString();
    }
}
