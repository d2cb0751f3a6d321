package nexttoken.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import nexttoken.model.LookupStep;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/** Part 1: the ids on a number line, f1's value as an arrow, and the token it lands on. */
public final class LookupView extends StepView {
    private final NumberLine line;
    private final Label result = new Label();

    public LookupView(Presenter presenter) {
        super(presenter, List.of(Step.LOOKUP), "lookup-view");
        line = new NumberLine(texts);
        result.getStyleClass().add("lookup-result");
        result.setId("lookup-result");
        result.setWrapText(true);
        VBox box = new VBox(8, line, result);
        VBox.setVgrow(line, Priority.ALWAYS);
        setContent(box);
    }

    @Override
    public String exportName() {
        return "lookup";
    }

    @Override
    protected String titleKey() {
        return "view.lookup.title";
    }

    public String resultText() {
        return result.getText();
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        LookupStep l = t.lookup();
        if (l == null) {
            result.setText(t.problem() == null ? "" : t.problem().message(texts.locale()));
        } else {
            String token = presenter.getLesson().vocabulary().token(l.index());
            result.setText(texts.format(l.exact() ? "report.lookup.exact" : "report.lookup.nearest",
                    texts.number(l.value()), l.id(), token));
        }
        line.show(new NumberLine.Data(presenter.getLesson().vocabulary(), l, presenter.getTheme()));
    }

    /** The ids on a line and f1's value pointing at one: drawn from its data alone. */
    static final class NumberLine extends ChartCanvas {
        /** @param lookup f1's value and the token it lands on, or null when part 1 stopped before it */
        record Data(Vocabulary vocabulary, LookupStep lookup, nexttoken.presenter.Theme theme) {
        }

        private final Texts texts;
        private Data data;

        NumberLine(Texts texts) {
            this.texts = texts;
        }

        void show(Data next) {
            data = next;
            redraw();
        }

        @Override
        protected void draw(GraphicsContext g, double width, double height) {
            if (data == null) {
                return;
            }
            ChartStyle s = style(data.theme() == nexttoken.presenter.Theme.PROJECTOR);
            Vocabulary v = data.vocabulary();
            LookupStep lookup = data.lookup();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < v.size(); i++) {
                lo = Math.min(lo, v.id(i));
                hi = Math.max(hi, v.id(i));
            }
            if (lookup != null) {
                lo = Math.min(lo, lookup.value());
                hi = Math.max(hi, lookup.value());
            }
            double pad = Math.max(10, (hi - lo) * 0.08);
            lo -= pad;
            hi += pad;
            double left = 30;
            double right = width - 30;
            double axisY = height * 0.55;
            final double min = lo;
            final double span = hi - lo;
            java.util.function.DoubleUnaryOperator x = value -> left + (value - min) / span * (right - left);
            g.setStroke(s.axis());
            g.setLineWidth(s.lineWidth());
            g.strokeLine(left, axisY, right, axisY);
            int chosen = lookup == null ? -1 : lookup.index();
            boolean labelAll = v.size() <= 30;
            for (int i = 0; i < v.size(); i++) {
                double px = x.applyAsDouble(v.id(i));
                g.setStroke(TokenColors.of(i, data.theme()));
                g.setLineWidth(i == chosen ? 6 : 3);
                g.strokeLine(px, axisY - 14, px, axisY + 14);
                if (labelAll || i == chosen) {
                    g.setFill(TokenColors.text(i, data.theme()));
                    g.setFont(i == chosen ? s.labelBold() : s.label());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.TOP);
                    fillText(g, v.token(i), px, axisY + 20);
                    g.setFont(s.small());
                    fillText(g, Integer.toString(v.id(i)), px, axisY + 24 + s.label().getSize() * 1.3);
                }
            }
            if (lookup != null) {
                double px = x.applyAsDouble(lookup.value());
                g.setStroke(s.highlight());
                g.setFill(s.highlight());
                g.setLineWidth(3);
                g.strokeLine(px, 34, px, axisY - 18);
                g.fillPolygon(new double[] {px - 9, px + 9, px}, new double[] {axisY - 30, axisY - 30, axisY - 16}, 3);
                g.setFont(s.labelBold());
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                fillText(g, "f1 = " + texts.number(lookup.value()), Math.max(70, Math.min(width - 70, px)), 6);
            }
        }
    }
}
