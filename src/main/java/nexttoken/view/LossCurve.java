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
        boolean log0 = !(losses.isEmpty() && ids.isEmpty()) && logarithmic();
        double[] r0 = range();
        double widest = 0;
        for (int tick = 0; tick <= 4; tick++) {
            double lo0 = log0 ? Math.log10(r0[0]) : 0;
            double hi0 = log0 ? Math.log10(r0[1]) : r0[1] * 1.1;
            double t = lo0 + (hi0 - lo0) * tick / 4;
            javafx.scene.text.Text measure = new javafx.scene.text.Text(texts.number(round(log0 ? Math.pow(10, t) : t)));
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
        g.fillText(texts.get("training.curve"), left, 2);
        if (losses.isEmpty() && ids.isEmpty()) {
            g.setFont(s.small());
            g.setTextBaseline(VPos.CENTER);
            g.fillText(texts.get("training.curve.empty"), left, height / 2, right - left);
            return;
        }
        boolean log = logarithmic();
        double[] range = range();
        double lo = log ? Math.log10(range[0]) : 0;
        double hi = log ? Math.log10(range[1]) : range[1] * 1.1;
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
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
        for (int tick = 0; tick <= 4; tick++) {
            double t = lo + (hi - lo) * tick / 4;
            double value = log ? Math.pow(10, t) : t;
            double py = bottom - (bottom - top) * tick / 4;
            g.fillText(texts.number(round(value)), left - 6, py);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("0", left, bottom + 4);
        g.fillText(Integer.toString(steps), right, bottom + 4);
        g.fillText(texts.get("training.steps") + (log ? "  ·  " + texts.get("training.log") : ""), (left + right) / 2, bottom + 4);
        drawCurve(g, ids, x, y, TokenColors.of(4, data.theme()), s.lineWidth() + 1, true);
        drawCurve(g, losses, x, y, TokenColors.of(0, data.theme()), s.lineWidth() + 1, false);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(s.small());
        double legendY = top;
        if (!losses.isEmpty()) {
            g.setFill(TokenColors.text(0, data.theme()));
            g.fillText(texts.format("training.legend", texts.get("training.this_lesson"),
                    texts.number(round(losses.get(0))), texts.number(round(losses.get(losses.size() - 1)))), right, legendY);
            legendY += s.small().getSize() * 1.5;
        }
        if (!ids.isEmpty()) {
            g.setFill(TokenColors.text(4, data.theme()));
            g.fillText(texts.format("training.legend", texts.get("training.with_ids"),
                    texts.number(round(ids.get(0))), texts.number(round(ids.get(ids.size() - 1)))), right, legendY);
        }
    }

    private static double round(double v) {
        return nexttoken.model.NumberText.significant(v, 4);
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
