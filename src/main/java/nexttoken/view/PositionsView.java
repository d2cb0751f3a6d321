package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import nexttoken.model.Attention;
import nexttoken.model.AttentionStep;
import nexttoken.model.AxisTicks;
import nexttoken.model.NumberText;
import nexttoken.model.Trace;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/**
 * Where each word read sits, added to what it means: the position vectors PE(j) drawn from
 * the origin (sinusoidal ones on their circle, learned ones draggable like embeddings) and the
 * table xⱼ = embeddingⱼ + PE(j) with its numbers. Position j = 0 is the first word read.
 */
public final class PositionsView extends StepView {

    /** One word read: its place, its token and the three vectors of its sum, as the model computed them. */
    public record Row(int position, String word, int token, List<Double> embedding, List<Double> positionVector,
                      List<Double> input) {
        public Row {
            embedding = List.copyOf(embedding);
            positionVector = List.copyOf(positionVector);
            input = List.copyOf(input);
        }
    }

    /** What the view draws: the kind of positions, and one row per word read. */
    public record Data(Attention.Positions kind, int dimensions, List<Row> rows) {
        public Data {
            rows = List.copyOf(rows);
        }

        /** The vectors drawn on the plot: the first two numbers of each PE(j) (all of them when d = 2). */
        public boolean plotsEveryNumber() {
            return dimensions == 2;
        }
    }

    /** The rows of x = embedding + PE from an attention trace; null before the model got that far. */
    public static Data data(Trace t) {
        AttentionStep a = t.attention();
        if (a == null || t.context() == null) {
            return null;
        }
        Attention weights = t.lesson().attention();
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < a.length(); j++) {
            int token = t.context().indices().get(j);
            rows.add(new Row(j, t.lesson().vocabulary().token(token), token, list(a.embeddings().row(j)),
                    a.positions() == null ? list(new double[a.embeddings().columns()]) : list(a.positions().row(j)),
                    list(a.inputs().row(j))));
        }
        return new Data(weights.positions(), a.inputs().columns(), rows);
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private final GridPane table = new GridPane();
    private final ShrinkToFit tableFit = new ShrinkToFit(table);
    private final Plot plot = new Plot();
    private final Label note = new Label();
    private final RedrawKey layoutFor = new RedrawKey();
    private final RedrawKey drawn = new RedrawKey();
    private final List<Label[]> cells = new ArrayList<>();
    private Data data;

    public PositionsView(Presenter presenter) {
        super(presenter, List.of(Step.POSITIONS), "positions-view");
        table.getStyleClass().add("terms");
        table.setHgap(8);
        table.setVgap(2);
        note.getStyleClass().add("step-note");
        note.setWrapText(true);
        // The table, then the plot taking the height that is left: the view has a stage's whole
        // height, and the vectors are easier to see the larger they are drawn.
        VBox.setVgrow(plot, Priority.ALWAYS);
        plot.setPrefSize(200, 200);
        plot.setMinSize(120, 120);
        VBox box = new VBox(8, tableFit, note, plot);
        setContent(box);
    }

    /** Where position j's point is drawn, in scene coordinates: what a drag starts from. */
    public javafx.geometry.Point2D pointOf(int position) {
        Row r = data.rows().get(position);
        return plot.localToScene(plot.px(r.positionVector().get(0)), plot.py(r.positionVector().get(1)));
    }

    /** The data last drawn, for tests and a handout. */
    public Data data() {
        return data;
    }

    @Override
    public String exportName() {
        return "positions";
    }

    @Override
    protected String titleKey() {
        return "view.positions.title";
    }

    @Override
    protected String captionText() {
        Attention a = presenter.getLesson().attention();
        if (a == null) {
            return texts.get("view.positions.caption.none");
        }
        return switch (a.positions()) {
            case NONE -> texts.get("view.positions.caption.none");
            case SINUSOIDAL -> texts.get("view.positions.caption.sinusoidal");
            case LEARNED -> texts.get("view.positions.caption.learned");
        };
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        data = data(t);
        if (data == null) {
            table.getChildren().clear();
            cells.clear();
            layoutFor.forget();
            note.setText(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale()));
            plot.redraw();
            return;
        }
        if (layoutFor.changed(data.rows().size(), texts.locale())) {
            buildTable(data.rows().size());
        }
        for (int j = 0; j < data.rows().size(); j++) {
            Row r = data.rows().get(j);
            Label[] c = cells.get(j);
            c[0].setText("x" + Texts.subscript(r.position()));
            c[1].setText(r.word());
            TokenColors.paintText(c[1], TokenColors.text(r.token(), presenter.getTheme()));
            vector(c[2], r.embedding());
            vector(c[3], r.positionVector());
            c[4].setText(nexttoken.report.Formulas.relation(values(r.input())));
            vector(c[5], r.input());
        }
        note.setText(data.plotsEveryNumber() ? "" : texts.format("view.positions.first_two", data.dimensions()));
        note.setManaged(!note.getText().isEmpty());
        if (drawn.changed(data, presenter.getTheme(), presenter.getZoom(), texts.locale())) {
            plot.redraw();
        }
    }

    private static nexttoken.model.Values values(List<Double> v) {
        return nexttoken.model.Values.of(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** "[1.1, −0.1]" by the reading rule, every digit in the tooltip when one of them reads rounded. */
    private void vector(Label label, List<Double> v) {
        StringJoiner shown = new StringJoiner(texts.formulas().separator(), "[", "]");
        StringJoiner exact = new StringJoiner(texts.formulas().separator(), "[", "]");
        boolean rounded = false;
        for (double x : v) {
            shown.add(texts.number(x));
            exact.add(NumberText.exactScreen(x, texts.locale()));
            rounded |= NumberText.isRounded(x);
        }
        label.setText(shown.toString());
        if (!rounded) {
            label.setTooltip(null);
        } else if (label.getTooltip() == null) {
            label.setTooltip(new Tooltip(exact.toString()));
        } else {
            label.getTooltip().setText(exact.toString());
        }
    }

    private void buildTable(int words) {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        cells.clear();
        String[] header = {"", texts.get("view.positions.word"), texts.get("view.positions.embedding"), "+ PE(j)", "",
            "xⱼ"};
        for (int c = 0; c < header.length; c++) {
            Label h = new Label(header[c]);
            h.getStyleClass().add("terms-header");
            table.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c <= 1 ? HPos.LEFT : c == 4 ? HPos.CENTER : HPos.RIGHT);
            table.getColumnConstraints().add(cc);
        }
        for (int j = 0; j < words; j++) {
            Label name = cell("term-token");
            Label word = cell("term-token");
            Label embedding = cell("term-number");
            Label position = cell("term-number");
            Label equals = cell("term-symbol");
            Label input = cell("term-number");
            input.getStyleClass().add("term-product");
            table.addRow(j + 1, name, word, embedding, position, equals, input);
            cells.add(new Label[] {name, word, embedding, position, equals, input});
        }
    }

    private static Label cell(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /** The position vectors from the origin; a learned one follows the pointer while it is dragged. */
    private final class Plot extends DraggablePointsChart {
        private static final double MARGIN = 14;
        /** Room for the vertical axis's numbers, left, and the horizontal axis's, below. */
        private static final double MARGIN_LEFT = 48;
        private static final double MARGIN_BOTTOM = 26;
        /** Pixels per unit, the same across as up: a circle must stay round. */
        private double scale = 100;
        private double originX;
        private double originY;
        private double w;
        private double h;

        Plot() {
            super(presenter::commitEdit);
        }

        @Override
        protected boolean draggable() {
            Attention a = presenter.getLesson().attention();
            return a != null && a.positions() == Attention.Positions.LEARNED && a.learnedPositions().columns() == 2;
        }

        @Override
        protected boolean mayDragNow() {
            return presenter.isRevealed(Step.POSITIONS);
        }

        @Override
        protected void move(int index, double x, double y) {
            presenter.session().lessons().moveLearnedPosition(index, x, y);
        }

        double px(double x) {
            return originX + x * scale;
        }

        double py(double y) {
            return originY - y * scale;
        }

        @Override
        protected double dataX(double p) {
            return (p - originX) / scale;
        }

        @Override
        protected double dataY(double p) {
            return (originY - p) / scale;
        }

        @Override
        protected int hit(double x, double y) {
            if (data == null) {
                return -1;
            }
            int best = -1;
            double bestDistance = 18 * 18;
            for (Row r : data.rows()) {
                double dx = px(r.positionVector().get(0)) - x;
                double dy = py(r.positionVector().get(1)) - y;
                double d = dx * dx + dy * dy;
                if (d <= bestDistance) {
                    best = r.position();
                    bestDistance = d;
                }
            }
            return best;
        }

        /**
         * The vectors, the origin (and the unit circle of sinusoidal ones) as large as the canvas
         * allows, a quarter unit of room around them; the rest of the canvas shows more of the
         * plane, where a learned position can be dragged to. Kept while a drag is on, so the
         * plane does not slide under the pointer.
         */
        private void fit() {
            double lowX = 0;
            double highX = 0;
            double lowY = 0;
            double highY = 0;
            if (data.kind() == Attention.Positions.SINUSOIDAL) {
                lowX = -1;
                highX = 1;
                lowY = -1;
                highY = 1;
            }
            for (Row r : data.rows()) {
                lowX = Math.min(lowX, r.positionVector().get(0));
                highX = Math.max(highX, r.positionVector().get(0));
                lowY = Math.min(lowY, r.positionVector().get(1));
                highY = Math.max(highY, r.positionVector().get(1));
            }
            double room = 0.25;
            double spanX = highX - lowX + 2 * room;
            double spanY = highY - lowY + 2 * room;
            double across = Math.max(10, w - MARGIN_LEFT - MARGIN);
            double up = Math.max(10, h - MARGIN - MARGIN_BOTTOM);
            scale = Math.min(across / spanX, up / spanY);
            originX = MARGIN_LEFT + (across - spanX * scale) / 2 + (room - lowX) * scale;
            originY = MARGIN + (up - spanY * scale) / 2 + (highY + room) * scale;
        }

        /**
         * A round step (1, 2, 2.5 or 5 times a power of ten) that leaves at least 56 pixels between
         * two numbers of an axis, at any scale: a position dragged to 1e300 still gets a handful of
         * ticks, not 1e298 of them.
         */
        private double tickStep() {
            double least = 56 / scale;
            if (!(least > 0) || !Double.isFinite(least)) {
                return Double.NaN;
            }
            double power = Math.pow(10, Math.floor(Math.log10(least)));
            for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
                if (factor * power >= least) {
                    return factor * power;
                }
            }
            return 10 * power;
        }

        /** A tick's number: two decimals where the step is below 1 (0.25, 0.5), else as it is. */
        private String tickText(double value, double step) {
            return texts.number(step < 1 ? Math.round(value * 100) / 100.0 : value);
        }

        private void drawAxes(GraphicsContext g, ChartStyle s) {
            double left = MARGIN_LEFT;
            double right = w - MARGIN;
            double top = MARGIN;
            double bottom = h - MARGIN_BOTTOM;
            double step = tickStep();
            g.setFont(s.small());
            g.setFill(s.axis());
            int most = (int) Math.ceil(Math.max(right - left, bottom - top) / 56) + 2;
            for (double x : AxisTicks.multiplesOf(step, dataX(left), dataX(right + 1e-6), most)) {
                g.setLineWidth(1);
                g.setStroke(s.grid());
                g.strokeLine(px(x), top, px(x), bottom);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                fillText(g, tickText(x, step), px(x), bottom + 4);
            }
            for (double y : AxisTicks.multiplesOf(step, dataY(bottom), dataY(top - 1e-6), most)) {
                g.setLineWidth(1);
                g.setStroke(s.grid());
                g.strokeLine(left, py(y), right, py(y));
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                fillText(g, tickText(y, step), left - 6, py(y));
            }
            // The axes through the origin, darker than the grid: PE(j) is drawn from there.
            g.setStroke(s.axis());
            g.setLineWidth(1.5);
            g.strokeLine(left, py(0), right, py(0));
            g.strokeLine(px(0), top, px(0), bottom);
        }

        @Override
        protected void draw(GraphicsContext g, double width, double height) {
            w = width;
            h = height;
            ChartStyle s = style(presenter.getTheme() == nexttoken.presenter.Theme.PROJECTOR);
            if (data == null || data.rows().isEmpty() || data.dimensions() < 2) {
                return;
            }
            if (dragging < 0) {
                fit();
            }
            drawAxes(g, s);
            if (data.kind() == Attention.Positions.SINUSOIDAL) {
                // sin² + cos² = 1: each (sin, cos) pair lies on the unit circle, one turn per 2π positions.
                g.setStroke(s.axis());
                g.setLineWidth(s.lineWidth() / 2);
                double r = px(1) - px(0);
                g.strokeOval(px(0) - r, py(0) - r, 2 * r, 2 * r);
            }
            if (data.kind() == Attention.Positions.NONE) {
                g.setFill(s.text());
                g.setFont(s.label());
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                fillText(g, "PE = 0", width / 2, height / 2 - 20, width - 10);
                return;
            }
            for (Row r : data.rows()) {
                double x = px(r.positionVector().get(0));
                double y = py(r.positionVector().get(1));
                javafx.scene.paint.Color colour = TokenColors.of(r.token(), presenter.getTheme());
                g.setStroke(colour);
                g.setLineWidth(s.lineWidth() + 1);
                g.strokeLine(px(0), py(0), x, y);
                double radius = s.pointRadius() + (r.position() == dragging ? 3 : 0);
                g.setFill(colour);
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                if (draggable()) {
                    g.setStroke(s.highlight());
                    g.setLineWidth(2);
                    g.strokeOval(x - radius - 3, y - radius - 3, 2 * radius + 6, 2 * radius + 6);
                }
            }
            // Labels after the marks, the word in its colour (the table pairs it with PE(j)),
            // alternately above and below: part 6's positions lie on one line, close together.
            for (Row r : data.rows()) {
                double x = px(r.positionVector().get(0));
                double y = py(r.positionVector().get(1));
                boolean above = r.position() % 2 == 0;
                g.setFill(TokenColors.text(r.token(), presenter.getTheme()));
                g.setFont(s.labelBold());
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(above ? VPos.BOTTOM : VPos.TOP);
                double gap = s.pointRadius() + 5;
                fillText(g, r.word(), x, above ? y - gap : y + gap);
            }
        }
    }
}
