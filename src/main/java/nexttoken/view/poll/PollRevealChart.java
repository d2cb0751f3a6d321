package nexttoken.view.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import nexttoken.poll.Comparison;
import nexttoken.poll.TokenSymbols;
import nexttoken.presenter.Theme;
import nexttoken.view.TokenColors;

/**
 * The reveal: for each token a pair of bars in its colour, the class's share (solid, left)
 * beside the model's probability (pale with a solid outline, right), each with its percentage,
 * and the token under them with its symbol. It draws the {@link Comparison} it is given and
 * computes nothing.
 */
public final class PollRevealChart extends Region {
    /** Already-formatted percentages: the chart does no number formatting of its own. */
    public interface Percent {
        String of(double p);
    }

    private static final double LABEL_SPACE = 34;
    private static final double VALUE_SPACE = 28;
    private static final double GAP = 4;

    private final List<Rectangle> classBars = new ArrayList<>();
    private final List<Rectangle> modelBars = new ArrayList<>();
    private final List<Label> classValues = new ArrayList<>();
    private final List<Label> modelValues = new ArrayList<>();
    private final List<Label> tokens = new ArrayList<>();
    private final Line axis = new Line();
    private Comparison shown;
    private double max = 1;

    public PollRevealChart() {
        getStyleClass().add("poll-reveal-chart");
        axis.getStyleClass().add("bars-axis");
        getChildren().add(axis);
        setMinSize(0, 0);
        setPrefSize(600, 320);
    }

    public void setData(Comparison comparison, Theme theme, Percent percent) {
        Objects.requireNonNull(comparison, "comparison");
        shown = comparison;
        List<Comparison.Row> rows = comparison.rows();
        while (classBars.size() < rows.size()) {
            Rectangle c = new Rectangle();
            Rectangle m = new Rectangle();
            m.setStrokeWidth(3);
            Label cv = valueLabel();
            Label mv = valueLabel();
            Label t = new Label();
            t.getStyleClass().add("bar-label");
            classBars.add(c);
            modelBars.add(m);
            classValues.add(cv);
            modelValues.add(mv);
            tokens.add(t);
            getChildren().addAll(c, m, cv, mv, t);
        }
        max = 0;
        for (int i = 0; i < classBars.size(); i++) {
            boolean used = i < rows.size();
            for (javafx.scene.Node n : List.of(classBars.get(i), modelBars.get(i), classValues.get(i), modelValues.get(i),
                    tokens.get(i))) {
                n.setVisible(used);
            }
            if (!used) {
                continue;
            }
            Comparison.Row row = rows.get(i);
            Color colour = TokenColors.of(row.tokenIndex(), theme);
            classBars.get(i).setFill(colour);
            modelBars.get(i).setFill(colour.deriveColor(0, 1, 1, 0.28));
            modelBars.get(i).setStroke(colour);
            modelBars.get(i).setVisible(row.model() != null);
            modelValues.get(i).setVisible(row.model() != null);
            classValues.get(i).setText(percent.of(row.classShare()));
            modelValues.get(i).setText(row.model() == null ? "" : percent.of(row.model()));
            tokens.get(i).setText(TokenSymbols.of(row.tokenIndex()) + " " + row.token());
            TokenColors.paintText(tokens.get(i), TokenColors.text(row.tokenIndex(), theme));
            max = Math.max(max, Math.max(row.classShare(), row.model() == null ? 0 : row.model()));
        }
        if (max <= 0) {
            max = 1;
        }
        requestLayout();
    }

    private static Label valueLabel() {
        Label l = new Label();
        l.getStyleClass().add("bar-value");
        return l;
    }

    /** The text under each pair, in order: for tests and for reading the chart back. */
    public List<String> tokenTexts() {
        return shown == null ? List.of() : tokens.subList(0, shown.rows().size()).stream().map(Label::getText).toList();
    }

    public List<String> classTexts() {
        return shown == null ? List.of() : classValues.subList(0, shown.rows().size()).stream().map(Label::getText).toList();
    }

    public List<String> modelTexts() {
        return shown == null ? List.of() : modelValues.subList(0, shown.rows().size()).stream().map(Label::getText).toList();
    }

    /** The model bar's height over the class bar's, per row: what a temperature drag changes. */
    public List<Double> modelBarHeights() {
        return shown == null ? List.of() : modelBars.subList(0, shown.rows().size()).stream().map(Rectangle::getHeight).toList();
    }

    @Override
    protected void layoutChildren() {
        if (shown == null) {
            return;
        }
        int n = shown.rows().size();
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double left = snappedLeftInset();
        double top = snappedTopInset() + VALUE_SPACE;
        double base = snappedTopInset() + h - LABEL_SPACE;
        double plot = Math.max(0, base - top);
        double slot = n == 0 ? w : w / n;
        double bar = Math.max(4, Math.min(90, (slot - 3 * GAP * 2) / 2));
        for (int i = 0; i < n; i++) {
            Comparison.Row row = shown.rows().get(i);
            double centre = left + slot * i + slot / 2;
            double classHeight = plot * row.classShare() / max;
            double modelHeight = row.model() == null ? 0 : plot * row.model() / max;
            place(classBars.get(i), centre - GAP - bar, base - classHeight, bar, classHeight);
            place(modelBars.get(i), centre + GAP, base - modelHeight, bar, modelHeight);
            value(classValues.get(i), centre - GAP - bar / 2, base - classHeight);
            value(modelValues.get(i), centre + GAP + bar / 2, base - modelHeight);
            Label token = tokens.get(i);
            layoutInArea(token, centre - slot / 2, base + 4, slot, LABEL_SPACE - 4, 0, HPos.CENTER, VPos.TOP);
        }
        axis.setStartX(left);
        axis.setEndX(left + w);
        axis.setStartY(base);
        axis.setEndY(base);
    }

    private static void place(Rectangle r, double x, double y, double width, double height) {
        r.setX(x);
        r.setY(y);
        r.setWidth(width);
        r.setHeight(Math.max(0, height));
    }

    private void value(Label label, double centre, double barTop) {
        double width = label.prefWidth(-1);
        double height = label.prefHeight(-1);
        label.resizeRelocate(centre - width / 2, barTop - height - 2, width, height);
    }
}
