package nexttoken.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.TextAlignment;
import nexttoken.model.Projection;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/**
 * Each token's embedding as a labelled point, the context ringed. Two-dimensional
 * embeddings can be dragged, and everything downstream follows; longer ones are
 * projected by PCA and the axes say so.
 */
public final class EmbeddingScatterView extends StepView {
    /** Past this many points labels would cover each other; only the context and the prediction keep theirs. */
    static final int MAX_LABELLED = 40;

    private final Plot plot = new Plot();

    public EmbeddingScatterView(Presenter presenter) {
        super(presenter, List.of(Step.INPUT), "embedding-scatter-view");
        setContent(plot);
    }

    @Override
    protected String titleKey() {
        return "view.scatter.title";
    }

    @Override
    protected Step firstStep() {
        return Step.TOKENS; // where the words sit is part of the vocabulary, shown from the start
    }

    @Override
    protected String captionText() {
        Vocabulary v = presenter.getLesson().vocabulary();
        return texts.get(v.embeddingLength() == 2 ? "view.scatter.caption" : "view.scatter.caption.pca");
    }

    @Override
    protected void update() {
        plot.redraw();
    }

    /** Data-to-pixel mapping in one place, frozen during a drag so the point stays under the pointer. */
    private final class Plot extends ChartCanvas {
        private static final double MARGIN_LEFT = 56;
        private static final double MARGIN_BOTTOM = 44;
        private static final double MARGIN = 16;
        private double minX = -1;
        private double maxX = 1;
        private double minY = -1;
        private double maxY = 1;
        private int dragging = -1;
        private double w;
        private double h;

        Plot() {
            setOnMousePressed(this::press);
            setOnMouseDragged(this::drag);
            setOnMouseReleased(e -> {
                if (dragging >= 0) {
                    dragging = -1;
                    presenter.commitEdit();
                    redraw();
                }
            });
            setOnMouseMoved(e -> setCursor(draggable() && hit(e.getX(), e.getY()) >= 0 ? Cursor.HAND : Cursor.DEFAULT));
        }

        private boolean draggable() {
            return presenter.getLesson().vocabulary().embeddingLength() == 2;
        }

        double px(double x) {
            return MARGIN_LEFT + (x - minX) / (maxX - minX) * (w - MARGIN_LEFT - MARGIN);
        }

        double py(double y) {
            return MARGIN + (maxY - y) / (maxY - minY) * (h - MARGIN - MARGIN_BOTTOM);
        }

        double dataX(double px) {
            return minX + (px - MARGIN_LEFT) / (w - MARGIN_LEFT - MARGIN) * (maxX - minX);
        }

        double dataY(double py) {
            return maxY - (py - MARGIN) / (h - MARGIN - MARGIN_BOTTOM) * (maxY - minY);
        }

        private int hit(double x, double y) {
            Vocabulary v = presenter.getLesson().vocabulary();
            if (!v.hasEmbeddings()) {
                return -1;
            }
            Projection p = Projection.of(v);
            int best = -1;
            double bestDistance = 18 * 18;
            for (int i = 0; i < v.size(); i++) {
                double dx = px(p.x().get(i)) - x;
                double dy = py(p.y().get(i)) - y;
                double d = dx * dx + dy * dy;
                if (d <= bestDistance) {
                    best = i;
                    bestDistance = d;
                }
            }
            return best;
        }

        private void press(MouseEvent e) {
            if (draggable() && presenter.isRevealed(firstStep())) {
                dragging = hit(e.getX(), e.getY());
            }
        }

        private void drag(MouseEvent e) {
            if (dragging < 0) {
                return;
            }
            double x = Math.round(dataX(e.getX()) * 100) / 100.0;
            double y = Math.round(dataY(e.getY()) * 100) / 100.0;
            presenter.moveEmbedding(dragging, x, y);
        }

        private void fitRange(Projection p) {
            double ax = 1;
            double ay = 1;
            for (int i = 0; i < p.x().size(); i++) {
                ax = Math.max(ax, Math.abs(p.x().get(i)));
                ay = Math.max(ay, Math.abs(p.y().get(i)));
            }
            // Symmetric about 0 and rounded up, so the origin is always visible and ticks are round.
            double ex = Math.ceil(ax * 1.15 * 2) / 2;
            double ey = Math.ceil(ay * 1.15 * 2) / 2;
            minX = -ex;
            maxX = ex;
            minY = -ey;
            maxY = ey;
        }

        @Override
        protected void draw(GraphicsContext g, double width, double height) {
            w = width;
            h = height;
            ChartStyle s = ChartStyle.LIGHT;
            Vocabulary v = presenter.getLesson().vocabulary();
            if (!v.hasEmbeddings()) {
                g.setFill(s.text());
                g.setFont(s.label());
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(texts.get("view.scatter.none"), width / 2, height / 2, width - 20);
                return;
            }
            Projection p = Projection.of(v);
            if (dragging < 0) {
                fitRange(p);
            }
            drawAxes(g, s, p);
            Trace t = presenter.getTrace();
            List<Integer> context = t.context() == null ? List.of() : t.context().indices();
            int sampled = presenter.getSampledIndex();
            boolean labelAll = v.size() <= MAX_LABELLED;
            for (int i = 0; i < v.size(); i++) {
                double x = px(p.x().get(i));
                double y = py(p.y().get(i));
                double r = labelAll ? s.pointRadius() : 2;
                g.setFill(TokenColors.of(i));
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                boolean inContext = context.contains(i);
                if (inContext || i == sampled) {
                    g.setStroke(s.highlight());
                    g.setLineWidth(3);
                    double ring = s.pointRadius() + 5;
                    g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
                }
                if (labelAll || inContext || i == sampled) {
                    g.setFill(TokenColors.of(i).darker());
                    g.setFont(inContext ? s.labelBold() : s.label());
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.CENTER);
                    String label = v.token(i) + (i == sampled ? " ★" : "");
                    double lx = x + s.pointRadius() + 8;
                    if (lx + 90 > width) {
                        g.setTextAlign(TextAlignment.RIGHT);
                        lx = x - s.pointRadius() - 8;
                    }
                    g.fillText(label, lx, y - 1);
                }
            }
        }

        private void drawAxes(GraphicsContext g, ChartStyle s, Projection p) {
            g.setLineWidth(1);
            g.setStroke(s.grid());
            g.setFont(s.small());
            g.setFill(s.axis());
            double step = (maxX - minX) <= 4 ? 0.5 : Math.ceil((maxX - minX) / 8);
            for (double x = Math.ceil(minX / step) * step; x <= maxX + 1e-9; x += step) {
                g.strokeLine(px(x), py(minY), px(x), py(maxY));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.fillText(texts.number(Math.round(x * 100) / 100.0), px(x), py(minY) + 4);
            }
            double stepY = (maxY - minY) <= 4 ? 0.5 : Math.ceil((maxY - minY) / 8);
            for (double y = Math.ceil(minY / stepY) * stepY; y <= maxY + 1e-9; y += stepY) {
                g.strokeLine(px(minX), py(y), px(maxX), py(y));
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(texts.number(Math.round(y * 100) / 100.0), px(minX) - 6, py(y));
            }
            g.setStroke(s.axis());
            g.setLineWidth(s.lineWidth());
            g.strokeLine(px(minX), py(0), px(maxX), py(0));
            g.strokeLine(px(0), py(minY), px(0), py(maxY));
            g.setFill(s.text());
            g.setFont(s.small());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            String xName = p.projected() ? texts.format("view.scatter.pc", 1, texts.percent(p.explainedX()))
                    : texts.get("view.scatter.feature1");
            String yName = p.projected() ? texts.format("view.scatter.pc", 2, texts.percent(p.explainedY()))
                    : texts.get("view.scatter.feature2");
            g.fillText(xName, px(maxX), py(minY) + MARGIN_BOTTOM - 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(yName, px(minX) + 6, py(maxY) + 2);
        }
    }

    /** Pixel position of a token's point, so tests can drag it as a person would. */
    public javafx.geometry.Point2D pointOf(int tokenIndex) {
        Projection p = Projection.of(presenter.getLesson().vocabulary());
        return plot.localToScene(plot.px(p.x().get(tokenIndex)), plot.py(p.y().get(tokenIndex)));
    }
}
