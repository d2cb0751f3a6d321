package nexttoken.view;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import nexttoken.model.InputKind;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.report.Formulas;

/**
 * x at the INPUT step, then f1's sum written out term by term the way the post does:
 * each xᵢ × wᵢ = product on its own line, then the total.
 */
public final class WeightedSumView extends StepView {
    private final GridPane terms = new GridPane();
    private final Label equation = new Label();
    private final Label sumName = new Label("f1");
    private final Label sum = new Label();
    private final TermsBesideOrAbove content;
    private final ShrinkToFit termsFit = new ShrinkToFit(terms);
    private final List<TermRow> rows = new java.util.ArrayList<>();
    private final RedrawKey layoutFor = new RedrawKey();
    private final HBox total;
    private final ShrinkToFit totalFit;

    public WeightedSumView(Presenter presenter) {
        super(presenter, List.of(Step.INPUT, Step.F1), "weighted-sum-view");
        terms.getStyleClass().add("terms");
        terms.setHgap(10);
        terms.setVgap(2);
        equation.getStyleClass().add("equation");
        equation.setWrapText(true);
        // The equation keeps its lines; the table above gives up size instead (termsFit).
        equation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The table gives up size for height down to the readable floor (12 px type), no further.
        termsFit.fittingHeightDownTo(ShrinkToFit.SMALLEST);
        sumName.getStyleClass().add("sum-name");
        sum.getStyleClass().add("sum-value");
        sum.setId("f1-sum");
        total = new HBox(12, sumName, sum);
        total.setAlignment(Pos.BASELINE_LEFT);
        totalFit = new ShrinkToFit(total).fittingHeightDownTo(ShrinkToFit.SMALLEST);
        content = new TermsBesideOrAbove(termsFit, totalFit, equation);
        setContent(content);
    }

    @Override
    public String exportName() {
        return "f1";
    }

    @Override
    protected String titleKey() {
        return "view.f1.title";
    }

    @Override
    protected String captionText() {
        boolean ids = presenter.getLesson().input() == InputKind.IDS;
        return texts.get(ids ? "view.f1.caption.ids" : "view.f1.caption.embeddings");
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        if (t.input() == null) {
            terms.getChildren().clear();
            rows.clear();
            layoutFor.forget();
            sum.setText("");
            sumName.setText("");
            equation.setText(t.problem() == null ? "" : t.problem().message(texts.locale()));
            return;
        }
        Formulas f = texts.formulas();
        boolean summed = presenter.isRevealed(Step.F1) && t.f1() != null;
        Vocabulary v = presenter.getLesson().vocabulary();
        int d = t.input().dimensions();
        if (layoutFor.changed(t.input().x().size(), d, texts.locale())) {
            buildGrid(t.input().x().size(), d);
        }
        // A slider move changes only numbers: the labels stay and take new text, no new nodes for CSS to style.
        List<Integer> context = t.context().indices();
        for (int k = 0; k < rows.size(); k++) {
            TermRow row = rows.get(k);
            if (row.token() != null) {
                int token = context.get(k / d);
                row.token().setText(v.token(token));
                TokenColors.paintText(row.token(), TokenColors.text(token, presenter.getTheme()));
            }
            double x = t.input().x().get(k);
            row.x().setText(t.input().kind() == InputKind.IDS ? Long.toString((long) x) : f.number(x));
            texts.exactTip(row.x(), x);
            row.weight().setText(summed ? f.number(t.f1().weights().get(k)) : "?");
            row.product().setText(summed ? f.number(t.f1().terms().get(k)) : "?");
            texts.exactTip(row.weight(), summed ? t.f1().weights().get(k) : 0);
            texts.exactTip(row.product(), summed ? t.f1().terms().get(k) : 0);
            row.equals().setText(summed ? Formulas.relation(t.f1().terms().get(k)) : "=");
        }
        sumName.setText(texts.get("view.f1.sum"));
        // Before f1's step the sum is "?" like every product: the line gives its room to x's list.
        totalFit.setVisible(summed);
        totalFit.setManaged(summed);
        sum.setText(summed ? Formulas.relation(t.f1().value()) + " " + f.number(t.f1().value()) : "= ?");
        texts.exactTip(sum, summed ? t.f1().value() : 0);
        if (summed && !Double.isFinite(t.f1().value())) {
            equation.setText("⚠ " + t.problem().message(texts.locale()));
            equation.setManaged(true);
            return;
        }
        // With embeddings the one-line equation is as long as the table above it; ids fit on a line.
        boolean ids = t.input().kind() == InputKind.IDS;
        equation.setText(summed ? (ids ? f.f1Equation(t) : "") : "x = [" + f.inputList(t) + "]");
        equation.setManaged(!equation.getText().isEmpty());
    }

    /** One line of the sum: the token (on the first of its d lines only), xᵢ, wᵢ and their product. */
    private record TermRow(Label token, Label x, Label weight, Label product, Label equals) {
    }

    private void buildGrid(int length, int d) {
        terms.getChildren().clear();
        terms.getColumnConstraints().clear();
        rows.clear();
        String[] header = {texts.get("view.f1.token"), "xᵢ", "", "wᵢ", "", "xᵢ × wᵢ"};
        for (int c = 0; c < header.length; c++) {
            Label h = new Label(header[c]);
            h.getStyleClass().add("terms-header");
            terms.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : c == 2 || c == 4 ? HPos.CENTER : HPos.RIGHT);
            terms.getColumnConstraints().add(cc);
        }
        for (int k = 0; k < length; k++) {
            int row = k + 1;
            Label name = null;
            if (k % d == 0) {
                name = new Label();
                name.getStyleClass().add("term-token");
                terms.add(name, 0, row);
            }
            Label x = number();
            Label weight = number();
            Label product = number();
            product.getStyleClass().add("term-product");
            terms.add(x, 1, row);
            terms.add(symbol("×"), 2, row);
            terms.add(weight, 3, row);
            Label equals = symbol("=");
            terms.add(equals, 4, row);
            terms.add(product, 5, row);
            rows.add(new TermRow(name, x, weight, product, equals));
        }
    }

    /**
     * The table, then the sum and the equation under it. In a panel too short for that (the
     * projector's type with the step's caption above: "f1(x) = 1.0" fell out of the panel,
     * issue 17), the table and then the sum are drawn smaller, neither below its readable floor
     * (12 px type for the table); when that is not enough either, the table is drawn as tall as
     * the panel allows and the sum and the equation wrap in the room beside it, level with its last rows.
     */
    static final class TermsBesideOrAbove extends javafx.scene.layout.Region {
        private static final double GAP = 8;
        private final ShrinkToFit table;
        private final javafx.scene.layout.Region total;
        private final Label equation;
        private boolean beside;

        TermsBesideOrAbove(ShrinkToFit table, javafx.scene.layout.Region total, Label equation) {
            this.table = table;
            this.total = total;
            this.equation = equation;
            getChildren().addAll(table, total, equation);
            setMinSize(0, 0);
        }

        /** Whether the sum and the equation are beside the table now, for tests. */
        boolean isBeside() {
            return beside;
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefWidth(double height) {
            double w = table.prefWidth(-1);
            for (javafx.scene.layout.Region r : below()) {
                w = Math.max(w, r.prefWidth(-1));
            }
            return w;
        }

        @Override
        protected double computePrefHeight(double width) {
            return table.prefHeight(width) + belowHeight(width);
        }

        private List<javafx.scene.layout.Region> below() {
            return java.util.stream.Stream.of(total, (javafx.scene.layout.Region) equation).filter(javafx.scene.Node::isManaged).toList();
        }

        private double belowHeight(double width) {
            double h = 0;
            for (javafx.scene.layout.Region r : below()) {
                h += GAP + r.prefHeight(width);
            }
            return h;
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            List<javafx.scene.layout.Region> below = below();
            beside = false;
            if (table.fitsHeight(w, h - belowHeight(w))) {
                stack(w, h, below, table.prefHeight(w), total.prefHeight(w));
            } else if (below.contains(total) && squeezedFits(w, h, below)) {
                // The sum gives up some of its size too, down to its smallest readable one.
                double others = belowHeight(w) - total.prefHeight(w);
                double tableHeight = table.smallestHeight(w);
                stack(w, h, below, tableHeight, Math.min(total.prefHeight(w), h - tableHeight - others));
            } else if (!below.isEmpty() && besideWidth(w, h, below) > 0) {
                beside = true;
                layBeside(w, h, below, besideWidth(w, h, below));
            } else {
                stack(w, h, below, table.prefHeight(w), total.prefHeight(w));
            }
        }

        /** The table, then the sum and the equation under it; the table takes what they leave, up to its size. */
        private void stack(double w, double h, List<javafx.scene.layout.Region> below, double tableWanted, double totalHeight) {
            double under = 0;
            for (javafx.scene.layout.Region r : below) {
                under += GAP + (r == total ? totalHeight : r.prefHeight(w));
            }
            // Never below the table's smallest readable size: where even that does not fit, what
            // follows goes past the panel's edge (and the screen-reading test says so), not over the table.
            double tableHeight = Math.max(table.smallestHeight(w), Math.min(tableWanted, h - under));
            table.resizeRelocate(0, 0, w, tableHeight);
            double y = tableHeight;
            for (javafx.scene.layout.Region r : below) {
                double rh = r == total ? totalHeight : r.prefHeight(w);
                r.resizeRelocate(0, y + GAP, w, rh);
                y += GAP + rh;
            }
        }

        private boolean squeezedFits(double w, double h, List<javafx.scene.layout.Region> below) {
            double others = belowHeight(w) - total.prefHeight(w);
            return table.smallestHeight(w) + others + total.minHeight(w) <= h + 0.5;
        }

        private void layBeside(double w, double h, List<javafx.scene.layout.Region> below, double tableWidth) {
            double tableHeight = Math.min(h, table.prefHeight(tableWidth));
            table.resizeRelocate(0, 0, tableWidth, tableHeight);
            double room = w - tableWidth - GAP;
            double y = Math.max(0, tableHeight - sideHeight(room, below));
            for (javafx.scene.layout.Region r : below) {
                double rh = r.prefHeight(room);
                r.resizeRelocate(tableWidth + GAP, y, room, rh);
                y += rh + GAP;
            }
        }

        /** Steps from the table's largest size in the panel to its readable floor when looking for room beside it. */
        private static final int BESIDE_STEPS = 8;

        /**
         * The table's width with the sum and the equation beside it: the table as large as the
         * panel's height lets it be, made smaller (not below its floor) until what goes beside it
         * fits in the width that leaves; 0 when nothing does.
         */
        private double besideWidth(double w, double h, List<javafx.scene.layout.Region> side) {
            double largest = table.largestFactor(w, h);
            double floor = table.floorFactor();
            for (int step = 0; step <= BESIDE_STEPS; step++) {
                double f = largest - (largest - floor) * step / BESIDE_STEPS;
                double tableWidth = table.widthAt(f);
                double room = w - tableWidth - GAP;
                if (room > 0 && table.heightAt(tableWidth, f) <= h + 0.5 && sideHeight(room, side) <= h + 0.5
                        && side.stream().allMatch(r -> (r instanceof ShrinkToFit s ? s.smallestWidth() : r.minWidth(-1)) <= room + 0.5)) {
                    return tableWidth;
                }
            }
            return 0;
        }

        private static double sideHeight(double room, List<javafx.scene.layout.Region> side) {
            double h = -GAP;
            for (javafx.scene.layout.Region r : side) {
                h += GAP + r.prefHeight(room);
            }
            return h;
        }
    }

    private static Label number() {
        Label l = new Label();
        l.getStyleClass().add("term-number");
        return l;
    }

    private static Label symbol(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("term-symbol");
        return l;
    }
}
