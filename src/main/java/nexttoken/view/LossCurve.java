package nexttoken.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import nexttoken.presenter.Theme;

/**
 * The mean loss after each training step, and the ids lesson's curve beside it when
 * compared. A logarithmic axis when the two differ by orders of magnitude (an ids
 * lesson starts in the hundreds, an embeddings one near 1).
 */
public final class LossCurve extends ChartCanvas {

    /** What the chart draws: the loss before and after each step, the ids lesson's curve (maybe empty), the theme. */
    public record Curves(List<Double> losses, List<Double> idsLosses, Theme theme) {
        public Curves {
            losses = List.copyOf(losses);
            idsLosses = List.copyOf(idsLosses);
        }
    }

    private final Texts texts;
    private Curves data = new Curves(List.of(), List.of(), Theme.LIGHT);

    public LossCurve(Texts texts) {
        this.texts = texts;
        setId("loss-curve");
    }

    /** Draws these curves (again, on every resize) until it is given others. */
    public void show(Curves curves) {
        data = curves;
        redraw();
    }

    /** True when the curve is drawn on a logarithmic axis. */
    public boolean logarithmic() {
        double[] range = range();
        return range[1] / range[0] > 50;
    }

    private double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (List<Double> curve : List.of(data.losses(), data.idsLosses())) {
            for (double v : curve) {
                min = Math.min(min, Math.max(v, 1e-6));
                max = Math.max(max, v);
            }
        }
        if (max <= 0) {
            return new double[] {1e-6, 1};
        }
        return new double[] {min, max};
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        ChartStyle s = style(data.theme() == Theme.PROJECTOR);
        List<Double> losses = data.losses();
        List<Double> ids = data.idsLosses();
        nexttoken.model.AxisTicks.Ticks ticks = ticks();
        double widest = 0;
        for (double value : ticks.values()) {
            javafx.scene.text.Text measure = new javafx.scene.text.Text(tickText(value));
            measure.setFont(s.small());
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        // The axis labels decide the margin: a diverged ids curve reaches numbers like 2.332e306.
        double left = Math.max(48, widest + 14);
        double right = width - 16;
        double top = 28;
        double bottom = height - 40;
        g.setFont(s.label());
        g.setFill(s.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        fillText(g, texts.get("training.curve"), left, 2);
        if (losses.isEmpty() && ids.isEmpty()) {
            g.setFont(s.small());
            g.setTextBaseline(VPos.CENTER);
            fillText(g, texts.get("training.curve.empty"), left, height / 2, right - left);
            return;
        }
        boolean log = logarithmic();
        double[] range = range();
        double lo = log ? Math.log10(ticks.first()) : ticks.first();
        double hi = log ? Math.log10(ticks.last()) : ticks.last();
        int steps = Math.max(1, Math.max(losses.size(), ids.size()) - 1);
        final double l0 = lo;
        final double span = hi - lo;
        java.util.function.DoubleUnaryOperator y = v -> {
            double t = log ? Math.log10(Math.max(v, range[0])) : v;
            return bottom - (t - l0) / span * (bottom - top);
        };
        java.util.function.IntToDoubleFunction x = i -> left + (right - left) * i / steps;
        g.setStroke(s.axis());
        g.setLineWidth(s.lineWidth());
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);
        g.setFont(s.small());
        g.setFill(s.axis());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        // A short curve has no room for every round tick's number: a number closer than a line to
        // the one drawn before it is left out, its place still marked by the next ("10" on "0.1").
        double lastLabel = Double.NaN;
        for (double value : ticks.values()) {
            double at = y.applyAsDouble(value);
            if (Double.isNaN(lastLabel) || Math.abs(at - lastLabel) >= s.small().getSize() * 1.2) {
                fillText(g, tickText(value), left - 6, at);
                lastLabel = at;
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        fillText(g, "0", left, bottom + 4);
        fillText(g, Integer.toString(steps), right, bottom + 4);
        fillText(g, texts.get("training.steps") + (log ? "  ·  " + texts.get("training.log") : ""), (left + right) / 2, bottom + 4);
        drawCurve(g, ids, x, y, TokenColors.of(4, data.theme()), s.lineWidth() + 1, true);
        drawCurve(g, losses, x, y, TokenColors.of(0, data.theme()), s.lineWidth() + 1, false);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(s.small());
        double legendY = top;
        if (!losses.isEmpty()) {
            g.setFill(TokenColors.text(0, data.theme()));
            fillText(g, texts.format("training.legend", texts.get("training.this_lesson"),
                    texts.number(losses.get(0)), texts.number(losses.get(losses.size() - 1))), right, legendY);
            legendY += s.small().getSize() * 1.5;
        }
        if (!ids.isEmpty()) {
            g.setFill(TokenColors.text(4, data.theme()));
            fillText(g, texts.format("training.legend", texts.get("training.with_ids"),
                    texts.number(ids.get(0)), texts.number(ids.get(ids.size() - 1))), right, legendY);
        }
    }

    /** "0.5", "1.0" on a linear axis; "0.1", "10", "10⁵" on a logarithmic one. */
    private String tickText(double value) {
        boolean empty = data.losses().isEmpty() && data.idsLosses().isEmpty();
        if (!empty && logarithmic()) {
            return nexttoken.model.NumberText.powerOfTen((int) Math.round(Math.log10(value)), texts.locale());
        }
        return texts.number(value);
    }

    /** Round ticks: 0, 0.5 … 2.0 on a linear axis, powers of ten on a logarithmic one. */
    private nexttoken.model.AxisTicks.Ticks ticks() {
        double[] range = range();
        boolean empty = data.losses().isEmpty() && data.idsLosses().isEmpty();
        if (!empty && logarithmic()) {
            return nexttoken.model.AxisTicks.powersOfTen(range[0], range[1], 6);
        }
        return nexttoken.model.AxisTicks.fromZero(range[1], 4);
    }

    private static void drawCurve(GraphicsContext g, List<Double> values, java.util.function.IntToDoubleFunction x,
                                  java.util.function.DoubleUnaryOperator y, Color color, double width, boolean dashed) {
        if (values.isEmpty()) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineDashes(dashed ? new double[] {10, 6} : null);
        g.beginPath();
        g.moveTo(x.applyAsDouble(0), y.applyAsDouble(values.get(0)));
        for (int i = 1; i < values.size(); i++) {
            g.lineTo(x.applyAsDouble(i), y.applyAsDouble(values.get(i)));
        }
        g.stroke();
        g.setLineDashes(null);
        g.setFill(color);
        double lx = x.applyAsDouble(values.size() - 1);
        double ly = y.applyAsDouble(values.get(values.size() - 1));
        g.fillOval(lx - 5, ly - 5, 10, 10);
    }
}
