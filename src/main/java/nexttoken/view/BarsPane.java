package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Bars with their values written on them, one per token, on a zero axis so negative
 * values hang below it. Scene-graph nodes rather than a Canvas: the number of bars is
 * capped by the caller (the top N tokens), and nodes keep the labels readable by tests
 * and screen readers.
 */
public final class BarsPane extends Region {

    /**
     * @param labelColor the token's colour for text on the theme's background
     * @param faded   drawn pale and hatched: a token top-k or top-p dropped
     * @param marker  a short line under the label (greedy, sampled), or null
     */
    public record Bar(String label, double value, String valueText, Color color, Color labelColor, boolean faded,
                      String marker) {
    }

    private static final double VALUE_SPACE_MIN = 30;
    private static final double LABEL_SPACE = 30;
    private static final double MARKER_SPACE = 26;

    private final List<Bar> bars = new ArrayList<>();
    private final List<Rectangle> rectangles = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<Label> markers = new ArrayList<>();
    private final List<Line> leaders = new ArrayList<>();
    /** A value further than this from its bar's end, in pixels, gets a line to it. */
    private static final double LEADER_AFTER = 6;
    private final Line axis = new Line();
    private double min;
    private double max;

    /** Each bar's slot, in ems: room for a value such as "−0.0123" or "12.3 %" and a short token under it. */
    private static final double READABLE_SLOT_EM = 4.6;
    private Runnable onCapacityChanged = () -> { };
    /**
     * The widest value, label or marker line drawn for the same {@link #textsBelongTo source}, in pixels. It
     * only grows, so the number of readable bars only falls and settles: a count chosen from
     * the texts of fewer bars cannot flip back and forth.
     */
    private double widestText;
    /** New labels (or a new vocabulary): measure once more after layout, in the font CSS gave them. */
    private boolean measureAfterCss = true;
    private int lastCapacity = -1;

    /** Puts a value's every digit on its label's tooltip; the owning view knows the language. */
    private java.util.function.BiConsumer<Label, Double> exactTip = (l, v) -> { };

    public void setExactTip(java.util.function.BiConsumer<Label, Double> exactTip) {
        this.exactTip = exactTip;
    }

    public BarsPane() {
        getStyleClass().add("bars");
        axis.getStyleClass().add("bars-axis");
        setMinSize(0, 0);
        setPrefSize(400, 220);
        widthProperty().addListener(o -> noticeCapacity(false));
    }

    /**
     * How many bars fit with their values and labels whole, at most {@code most}: past that a
     * class would read "0…" under every bar. Before the first layout, {@code most}.
     */
    public int readableCount(int most) {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        if (width <= 0) {
            return most;
        }
        double em = labels.isEmpty() ? javafx.scene.text.Font.getDefault().getSize() : labels.get(0).getFont().getSize();
        double slot = Math.max(READABLE_SLOT_EM * em, widestText + em);
        return Math.max(1, Math.min(most, (int) Math.floor(width / slot)));
    }

    private final RedrawKey measuredFor = new RedrawKey();

    /**
     * What the texts come from (the vocabulary, language, theme, zoom): when that changes they
     * are measured afresh; until then the widest only grows.
     */
    public void textsBelongTo(Object... source) {
        if (measuredFor.changed(source)) {
            widestText = 0;
            measureAfterCss = true;
        }
    }

    /** Called when a new width lets more (or fewer) bars be read: the chart's view chooses them again. */
    public void setOnCapacityChanged(Runnable action) {
        onCapacityChanged = action;
    }

    /** What a bar chart draws: its bars and the range of their values (0 is always inside it). */
    public record Data(List<Bar> bars, double min, double max) {
        public Data {
            bars = List.copyOf(bars);
        }
    }

    public void show(Data data) {
        setBars(data.bars(), data.min(), data.max());
    }

    /** The bars and the value range the axis spans; the range always includes 0. */
    public void setBars(List<Bar> newBars, double rangeMin, double rangeMax) {
        bars.clear();
        bars.addAll(newBars);
        min = Math.min(0, rangeMin);
        max = Math.max(0, rangeMax);
        if (max - min <= 0) {
            max = 1; // all zero: draw flat bars on a unit axis rather than divide by zero
        }
        if (rectangles.size() < bars.size()) {
            grow(bars.size());
        }
        // Spare nodes (16 bars, then 17 when the sampled token is outside the top 16) are hidden,
        // not removed: a node that leaves the scene and comes back goes through CSS again.
        for (int i = 0; i < rectangles.size(); i++) {
            boolean used = i < bars.size();
            rectangles.get(i).setVisible(used);
            values.get(i).setVisible(used);
            labels.get(i).setVisible(used);
            markers.get(i).setVisible(used);
            if (!used) {
                leaders.get(i).setVisible(false);
                values.get(i).setText("");
                labels.get(i).setText("");
                markers.get(i).setText("");
            }
        }
        // The same number of bars as before (every slider move): restyle the nodes in place
        // rather than make new ones, which would each need CSS again.
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            Rectangle r = rectangles.get(i);
            r.setFill(b.faded() ? b.color().deriveColor(0, 0.35, 1.25, 0.45) : b.color());
            r.setStroke(b.faded() ? b.color() : null);
            r.setStrokeWidth(b.faded() ? 2 : 0);
            // Style classes and dashes are set only when they differ: any change to them, even to
            // the same values, sends the node back through CSS.
            styleClasses(r, b.faded() ? "bar-dropped" : "bar");
            List<Double> dashes = b.faded() ? DASHES : List.of();
            if (!r.getStrokeDashArray().equals(dashes)) {
                r.getStrokeDashArray().setAll(dashes);
            }
            Label value = values.get(i);
            value.setText(b.valueText());
            exactTip.accept(value, b.value());
            styleClasses(value, "label", "bar-value", b.faded() ? "bar-value-dropped" : "bar-value-kept");
            Label label = labels.get(i);
            label.setText(b.label());
            TokenColors.paintText(label, b.labelColor());
            markers.get(i).setText(b.marker() == null ? "" : b.marker());
        }
        measureTexts();
        requestLayout();
    }

    /**
     * Grows the widest text from the bars now shown; if that leaves room for fewer bars, the
     * view chooses again, after this change. Also run after layout, when CSS has given new
     * labels their real (bold, larger) font.
     */
    private void measureTexts() {
        for (int i = 0; i < bars.size(); i++) {
            widestText = Math.max(widestText, Math.max(textWidth(values.get(i)),
                    Math.max(textWidth(labels.get(i)), textWidth(markers.get(i)))));
        }
        noticeCapacity(true);
    }

    /**
     * Tells the view when the number of readable bars changed; {@code later} when that is
     * found while bars are being set or laid out, so the view chooses again after this change.
     */
    private void noticeCapacity(boolean later) {
        int readable = readableCount(Integer.MAX_VALUE);
        if (readable != lastCapacity) {
            lastCapacity = readable;
            if (later) {
                javafx.application.Platform.runLater(onCapacityChanged);
            } else {
                onCapacityChanged.run();
            }
        }
    }

    private static final List<Double> DASHES = List.of(6.0, 4.0);
    /** Room a value keeps from its neighbours' values, in pixels. */
    private static final double VALUE_GAP = 6;
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** The width of the label's longest line in its own font (before CSS has given it one, 0). */
    private double textWidth(Label l) {
        if (l.getText() == null || l.getText().isEmpty() || l.getFont() == null) {
            return 0;
        }
        measure.setFont(l.getFont());
        double widest = 0;
        for (String line : l.getText().split("\n")) {
            measure.setText(line);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private static void styleClasses(javafx.scene.Node node, String... classes) {
        if (!node.getStyleClass().equals(List.of(classes))) {
            node.getStyleClass().setAll(classes);
        }
    }

    private void grow(int count) {
        if (getChildren().isEmpty()) {
            getChildren().add(axis);
        }
        List<javafx.scene.Node> added = new ArrayList<>();
        for (int i = rectangles.size(); i < count; i++) {
            Rectangle r = new Rectangle();
            Label value = new Label();
            Label label = new Label();
            label.getStyleClass().add("bar-label");
            Label marker = new Label();
            marker.getStyleClass().add("bar-marker");
            rectangles.add(r);
            values.add(value);
            labels.add(label);
            markers.add(marker);
            Line leader = new Line();
            leader.getStyleClass().add("bar-leader");
            leader.setVisible(false);
            leaders.add(leader);
            added.add(leader);
            added.add(r);
            added.add(value);
            added.add(label);
            added.add(marker);
        }
        getChildren().addAll(added);
        measureAfterCss = true;
    }

    /** The colour the token's name under its bar is drawn in, for tests. */
    public javafx.scene.paint.Paint labelFillOf(String token) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).label().equals(token)) {
                return labels.get(i).getTextFill();
            }
        }
        return null;
    }

    /** The label shown on the bar of {@code token}, for tests and for reading back what is drawn. */
    public String valueTextOf(String token) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).label().equals(token)) {
                return values.get(i).getText();
            }
        }
        return null;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double left = snappedLeftInset();
        int n = Math.max(1, bars.size());
        double slot = w / n;
        double valueSpace = VALUE_SPACE_MIN;
        double valueLine = 0;
        double widestValue = 0;
        for (int i = 0; i < bars.size(); i++) {
            valueLine = Math.max(valueLine, values.get(i).prefHeight(-1));
            widestValue = Math.max(widestValue, textWidth(values.get(i)));
        }
        // Values wider than a bar's slot ("4500.0" over five bars in the projector's type) take
        // two slots, and every other one moves up off what it would cover, rather than read "450…" (issue 17).
        // Only where the height has the extra line: else the bars' names would be pushed out below.
        boolean staggered = bars.size() > 1 && widestValue + VALUE_GAP > slot
                && h - 2 * valueLine - LABEL_SPACE - MARKER_SPACE - (min < 0 ? 2 * valueLine : 0) >= 3 * valueLine;
        valueSpace = Math.max(valueSpace, (staggered ? 2 * valueLine : valueLine) + 4);
        double top = snappedTopInset() + valueSpace;
        boolean anyMarker = bars.stream().anyMatch(b -> b.marker() != null);
        double bottomSpace = LABEL_SPACE + (anyMarker ? MARKER_SPACE : 0);
        double negativeLabelSpace = min < 0 ? valueSpace : 0;
        double plot = Math.max(10, h - valueSpace - bottomSpace - negativeLabelSpace);
        double zeroY = top + plot * (max / (max - min));
        double barWidth = Math.max(4, Math.min(slot * 0.62, 140));
        axis.setStartX(left);
        axis.setEndX(left + w);
        axis.setStartY(Math.round(zeroY) + 0.5);
        axis.setEndY(Math.round(zeroY) + 0.5);
        double labelTop = top + plot + negativeLabelSpace + 4;
        double[] centres = new double[bars.size()];
        double[] ends = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            centres[i] = left + slot * (i + 0.5);
            ends[i] = zeroY - plot * (b.value() / (max - min));
            Rectangle r = rectangles.get(i);
            r.setX(centres[i] - barWidth / 2);
            r.setWidth(barWidth);
            r.setY(Math.min(ends[i], zeroY));
            r.setHeight(Math.max(1, Math.abs(zeroY - ends[i])));
        }
        double[] valueCentres = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            double box = valueBoxWidth(staggered, slot, w, values.get(i).prefWidth(-1));
            valueCentres[i] = valueBoxLeft(centres[i], box, left, w) + box / 2;
        }
        double[] valueY = placeValues(staggered, valueCentres, ends, zeroY, slot);
        for (int i = 0; i < bars.size(); i++) {
            double centre = centres[i];
            Label value = values.get(i);
            double valueHeight = value.prefHeight(-1);
            double valueWidth = valueBoxWidth(staggered, slot, w, value.prefWidth(-1));
            if (!staggered && value.prefWidth(-1) > valueWidth && clearBeside(i, valueY, ends, zeroY)) {
                // Not staggered (no room for a second line) yet wider than its slot: a value with
                // nothing beside it at its height (a negative bar's, under the axis among positive
                // ones) takes room from its neighbours' slots rather than read "−0.0…" (issue 17).
                valueWidth = Math.min(Math.min(2 * slot, w), value.prefWidth(-1));
            }
            layoutInArea(value, valueBoxLeft(centre, valueWidth, left, w), valueY[i], valueWidth, valueHeight, 0,
                    HPos.CENTER, VPos.TOP);
            leader(i, centre, valueY[i], valueHeight, ends[i], zeroY);
            Label label = labels.get(i);
            layoutInArea(label, centre - slot / 2, labelTop, slot, label.prefHeight(-1), 0, HPos.CENTER, VPos.TOP);
            Label marker = markers.get(i);
            // "● sampled" is wider than a narrow slot: it may take the half of each neighbouring
            // slot that has no marker of its own, rather than read "● sam…".
            boolean roomLeft = i > 0 && bars.get(i - 1).marker() == null;
            boolean roomRight = i + 1 < bars.size() && bars.get(i + 1).marker() == null;
            double from = centre - slot / 2 - (roomLeft ? slot / 2 : 0);
            double to = centre + slot / 2 + (roomRight ? slot / 2 : 0);
            double wanted = Math.min(to - from, marker.prefWidth(-1));
            double markerX = Math.max(from, Math.min(centre - wanted / 2, to - wanted));
            layoutInArea(marker, markerX, labelTop + LABEL_SPACE - 4, wanted, marker.prefHeight(-1), 0,
                    HPos.CENTER, VPos.TOP);
        }
        if (measureAfterCss) {
            measureAfterCss = false;
            measureTexts();
        }
    }
    /** A value is laid out centred over its bar in a box of one slot, or two when staggered. */
    private static double valueBoxWidth(boolean staggered, double slot, double width, double valueWidth) {
        // Only as wide as the value: an end bar's value, centred in two slots pushed in from the
        // pane's edge, sat half a slot off its bar, under the next bar ("0.010 %" of cl100k on paper).
        return staggered ? Math.min(Math.min(2 * slot, width), Math.max(slot, valueWidth)) : slot;
    }

    /**
     * Whether nothing of bar i's neighbours (their values, their bars) sits at the height of bar
     * i's value, so the value may reach into their slots.
     */
    private boolean clearBeside(int i, double[] valueY, double[] ends, double zeroY) {
        double top = valueY[i];
        double bottom = top + values.get(i).prefHeight(-1);
        for (int j : new int[] {i - 1, i + 1}) {
            if (j < 0 || j >= bars.size()) {
                continue;
            }
            double valueTop = valueY[j];
            double valueBottom = valueTop + values.get(j).prefHeight(-1);
            double barTop = Math.min(ends[j], zeroY);
            double barBottom = Math.max(ends[j], zeroY);
            if (valueTop < bottom && top < valueBottom || barTop < bottom && top < barBottom) {
                return false;
            }
        }
        return true;
    }

    /** The box's left edge, kept inside the pane at its two ends. */
    private static double valueBoxLeft(double centre, double box, double left, double width) {
        return Math.max(left, Math.min(centre - box / 2, left + width - box));
    }

    /**
     * The top of each bar's value. A value sits on its own bar's end. Staggered (values wider than
     * a slot), the values of the even bars stay there and each odd bar's value moves away from
     * its own end only as far as it must to clear its neighbours' bars and values: lifted over
     * the tallest neighbour's end whatever it covered, "1260.0" in the projector's part 2 hung
     * two lines above its short bar and read as its neighbour's (issue 17).
     */
    private double[] placeValues(boolean staggered, double[] centres, double[] ends, double zeroY, double slot) {
        double[] top = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            double h = values.get(i).prefHeight(-1);
            top[i] = bars.get(i).value() >= 0 ? Math.min(ends[i], zeroY) - h - 2 : Math.max(ends[i], zeroY) + 2;
        }
        if (!staggered) {
            return top;
        }
        double reach = 2 * slot;
        for (int i = 1; i < bars.size(); i += 2) {
            boolean up = bars.get(i).value() >= 0;
            double h = values.get(i).prefHeight(-1);
            double half = Math.min(textWidth(values.get(i)), reach) / 2 + VALUE_GAP / 2;
            // Each move clears one obstacle and may meet the other neighbour's: four passes settle it.
            for (int pass = 0; pass < 4; pass++) {
                boolean moved = false;
                for (int j = i - 1; j <= i + 1; j += 2) {
                    if (j >= bars.size()) {
                        continue;
                    }
                    Rectangle bar = rectangles.get(j);
                    double valueHalf = Math.min(textWidth(values.get(j)), reach) / 2;
                    double[][] obstacles = {
                        {bar.getX(), bar.getX() + bar.getWidth(), bar.getY(), bar.getY() + bar.getHeight()},
                        {centres[j] - valueHalf, centres[j] + valueHalf, top[j], top[j] + values.get(j).prefHeight(-1)}};
                    for (double[] o : obstacles) {
                        boolean across = centres[i] + half > o[0] && centres[i] - half < o[1];
                        boolean down = top[i] + h + 2 > o[2] && top[i] - 2 < o[3];
                        if (across && down) {
                            top[i] = up ? o[2] - h - 2 : o[3] + 2;
                            moved = true;
                        }
                    }
                }
                if (!moved) {
                    break;
                }
            }
        }
        return top;
    }

    /** A value moved off its bar's end is tied to it by a thin line in the bar's colour, so it reads as that bar's. */
    private void leader(int i, double centre, double valueTop, double valueHeight, double end, double zeroY) {
        Line line = leaders.get(i);
        boolean up = bars.get(i).value() >= 0;
        double from = up ? valueTop + valueHeight : valueTop;
        double to = up ? Math.min(end, zeroY) : Math.max(end, zeroY);
        boolean shown = Math.abs(to - from) > LEADER_AFTER;
        line.setVisible(shown);
        if (shown) {
            double x = Math.round(centre) + 0.5;
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(from);
            line.setEndY(to);
            line.setStroke(bars.get(i).color());
        }
    }

    /** Read by tests: where the values, their bars and the lines that tie a moved value to its bar are drawn. */
    List<Label> valueLabels() {
        return values.subList(0, bars.size());
    }

    List<Rectangle> barRectangles() {
        return rectangles.subList(0, bars.size());
    }

    List<Line> leaderLines() {
        return leaders.subList(0, bars.size());
    }
}
