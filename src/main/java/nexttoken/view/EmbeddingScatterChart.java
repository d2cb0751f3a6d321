package nexttoken.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import nexttoken.model.AxisTicks;
import nexttoken.model.Projection;
import nexttoken.model.Vocabulary;

/**
 * Each token's embedding as a point, drawn from a {@link ScatterData}: the context ringed and
 * named, the sampled token marked, h's arrow for attention lessons. Up to {@link #PIXEL_THRESHOLD}
 * points are circles; past it they are pixels in an image kept while the points stay put. The
 * sampled token's mark is nodes over the canvas, so a new draw moves them and redraws nothing
 * else. Data-to-pixel mapping in one place, frozen during a drag so the point stays under the pointer.
 */
final class EmbeddingScatterChart extends DraggablePointsChart {
    /** Past this many points labels would cover each other; only the context and the prediction keep theirs. */
    static final int MAX_LABELLED = 40;
    /** Past this many points they are written as pixels instead of drawn as circles. */
    static final int PIXEL_THRESHOLD = 2000;

    /** Where a dragged point goes: the view turns it into an edit of the lesson. */
    interface PointMover {
        void move(int token, double x, double y);
    }

    private final Texts texts;
    private final PointMover mover;
    private ScatterData data;
    private static final double MARGIN_LEFT = 56;
    private static final double MARGIN_BOTTOM = 44;
    private static final double MARGIN = 16;
    private static final double MARGIN_TOP = 26;
    private double minX = -1;
    private double maxX = 1;
    private double minY = -1;
    private double maxY = 1;
    private javafx.scene.image.WritableImage pixels;
    private int[] buffer;
    /** The boxes of h's arrow among the taken ones of the current drawing. */
    private final java.util.Set<javafx.geometry.Rectangle2D> arrowBoxes = new java.util.HashSet<>();
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private final RedrawKey pixelsDrawn = new RedrawKey();
    private double w;
    private double h;

    EmbeddingScatterChart(Texts texts, PointMover mover, Runnable commit) {
        super(commit);
        this.texts = texts;
        this.mover = mover;
        // Unmanaged: moving the mark asks for no layout, and a layout would draw the canvas again.
        sampledHalo.getStyleClass().add("scatter-sampled-halo");
        sampledHalo.textProperty().bind(sampledName.textProperty());
        sampledHalo.fontProperty().bind(sampledName.fontProperty());
        sampledHalo.textOriginProperty().bind(sampledName.textOriginProperty());
        sampledHalo.xProperty().bind(sampledName.xProperty());
        sampledHalo.yProperty().bind(sampledName.yProperty());
        sampledMark.setManaged(false);
        sampledMark.setMouseTransparent(true);
        getChildren().add(sampledMark);
    }

    /**
     * The sampled token when the chart itself draws it (it labels every token, or this one is
     * in the context or highlighted); otherwise −1, and the marks layer rings it.
     */
    int sampledOnChart() {
        return data == null ? -1 : data.sampledOnChart();
    }

    /** Draws the new data: the whole chart when what it shows changed, only the sampled mark when only the draw did. */
    void setData(ScatterData next) {
        ScatterData was = data;
        data = next;
        if (was == null || !next.sameChart(was)) {
            redraw();
        } else if (was.sampled() != next.sampled()) {
            // A slider move at the sample step changes the sampled token, nothing else here.
            placeMarks();
        }
    }

    /** The places the last full drawing took (axes' numbers, names, h's arrow): the sampled name goes where none is. */
    private List<javafx.geometry.Rectangle2D> lastTaken = List.of();

    @Override
    protected boolean mayDragNow() {
        return data != null && data.mayDrag();
    }

    @Override
    protected void move(int index, double x, double y) {
        mover.move(index, x, y);
    }

    @Override
    protected boolean draggable() {
        return data != null && data.vocabulary().embeddingLength() == 2;
    }

    double px(double x) {
        return MARGIN_LEFT + (x - minX) / (maxX - minX) * (w - MARGIN_LEFT - MARGIN);
    }

    double py(double y) {
        return MARGIN_TOP + (maxY - y) / (maxY - minY) * (h - MARGIN_TOP - MARGIN_BOTTOM);
    }

    @Override
    protected double dataX(double px) {
        return minX + (px - MARGIN_LEFT) / (w - MARGIN_LEFT - MARGIN) * (maxX - minX);
    }

    @Override
    protected double dataY(double py) {
        return maxY - (py - MARGIN_TOP) / (h - MARGIN_TOP - MARGIN_BOTTOM) * (maxY - minY);
    }

    @Override
    protected int hit(double x, double y) {
        if (data == null) {
            return -1;
        }
        Vocabulary v = data.vocabulary();
        if (!v.hasEmbeddings()) {
            return -1;
        }
        Projection p = v.projection();
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

    private Projection fitted;
    private nexttoken.report.AttentionPanels.Arrow fittedArrow;

    private void fitRange(Projection p, nexttoken.report.AttentionPanels.Arrow arrow) {
        if (p == fitted && java.util.Objects.equals(arrow == null ? null : List.of(arrow.x(), arrow.y()),
                fittedArrow == null ? null : List.of(fittedArrow.x(), fittedArrow.y()))) {
            return;
        }
        fitted = p;
        fittedArrow = arrow;
        if (arrow != null) {
            // Around what is drawn (the points, the origin and h's tip), not symmetric: with one scale
            // across and up, a half-empty quadrant would cost the points half their size.
            double lowX = Math.min(0, arrow.x());
            double highX = Math.max(0, arrow.x());
            double lowY = Math.min(0, arrow.y());
            double highY = Math.max(0, arrow.y());
            for (int i = 0; i < p.x().size(); i++) {
                lowX = Math.min(lowX, p.x().get(i));
                highX = Math.max(highX, p.x().get(i));
                lowY = Math.min(lowY, p.y().get(i));
                highY = Math.max(highY, p.y().get(i));
            }
            // Room for a point's ring and label beyond the outermost ones; the ticks stay round by themselves.
            double pad = 0.12 * Math.max(highX - lowX, highY - lowY) + 0.05;
            baseMinX = lowX - pad;
            baseMaxX = highX + pad;
            baseMinY = lowY - pad;
            baseMaxY = highY + pad;
            return;
        }
        double ax = 1;
        double ay = 1;
        for (int i = 0; i < p.x().size(); i++) {
            ax = Math.max(ax, Math.abs(p.x().get(i)));
            ay = Math.max(ay, Math.abs(p.y().get(i)));
        }
        // Symmetric about 0 and rounded up, so the origin is always visible and ticks are round.
        double ex = Math.ceil(ax * 1.15 * 2) / 2;
        double ey = Math.ceil(ay * 1.15 * 2) / 2;
        baseMinX = -ex;
        baseMaxX = ex;
        baseMinY = -ey;
        baseMaxY = ey;
    }

    private double baseMinX = -1;
    private double baseMaxX = 1;
    private double baseMinY = -1;
    private double baseMaxY = 1;

    /**
     * The fitted ranges; with h's arrow, one unit is as long across as up, so that "along h" and
     * the right angle of a token's shadow on h look like what they are.
     */
    private void applyRange(boolean sameScale) {
        minX = baseMinX;
        maxX = baseMaxX;
        minY = baseMinY;
        maxY = baseMaxY;
        double across = w - MARGIN_LEFT - MARGIN;
        double up = h - MARGIN_TOP - MARGIN_BOTTOM;
        if (!sameScale || across <= 0 || up <= 0) {
            return;
        }
        // Widen the range that has more pixels per unit, about its middle, until both have the same.
        double spanX = maxX - minX;
        double spanY = maxY - minY;
        if (across / spanX > up / spanY) {
            double grow = (spanY * across / up - spanX) / 2;
            minX -= grow;
            maxX += grow;
        } else {
            double grow = (spanX * up / across - spanY) / 2;
            minY -= grow;
            maxY += grow;
        }
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        w = width;
        h = height;
        if (data == null) {
            return;
        }
        ChartStyle s = style(data.theme() == nexttoken.presenter.Theme.PROJECTOR);
        Vocabulary v = data.vocabulary();
        if (!v.hasEmbeddings()) {
            g.setFill(s.text());
            g.setFont(s.label());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            fillText(g, texts.get("view.scatter.none"), width / 2, height / 2, width - 20);
            return;
        }
        Projection p = v.projection();
        nexttoken.report.AttentionPanels.Arrow arrow = p.projected() ? null : data.arrow();
        if (dragging < 0) {
            fitRange(p, arrow);
            applyRange(arrow != null);
        }
        drawAxes(g, s, p);
        List<Integer> context = data.context();
        int sampled = sampledOnChart();
        boolean labelAll = v.size() <= MAX_LABELLED;
        int n = v.size();
        boolean pixelPath = n > PIXEL_THRESHOLD;
        // Positions are kept in arrays reused from draw to draw: at 100,000 tokens two fresh
        // arrays per slider move are megabytes of garbage, and the collector's pauses showed.
        if (xs.length < n) {
            xs = new double[n];
            ys = new double[n];
        }
        if (!pixelPath || !drawCachedPixels(g, v, (int) Math.ceil(width), (int) Math.ceil(height))) {
            for (int i = 0; i < n; i++) {
                xs[i] = px(p.x().get(i));
                ys[i] = py(p.y().get(i));
            }
            if (pixelPath) {
                drawPixels(g, n, (int) Math.ceil(width), (int) Math.ceil(height));
            }
        }
        int highlighted = data.highlighted();
        java.util.Set<Integer> inWindow = new java.util.HashSet<>(context);
        // Past the pixel threshold only the few marked points are drawn as circles and labelled.
        int[] drawn = n <= PIXEL_THRESHOLD ? java.util.stream.IntStream.range(0, n).toArray()
                : java.util.stream.IntStream.concat(context.stream().mapToInt(Integer::intValue),
                        java.util.stream.IntStream.of(sampled, highlighted)).filter(i -> i >= 0).distinct().toArray();
        for (int i : drawn) {
            boolean marked = inWindow.contains(i) || i == sampled || i == highlighted;
            if (pixelPath) {
                // Only the marked points need a position when the pixel layer came from the cache.
                xs[i] = px(p.x().get(i));
                ys[i] = py(p.y().get(i));
            }
            {
                double r = labelAll || marked ? s.pointRadius() : 2;
                g.setFill(TokenColors.of(i, data.theme()));
                g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            }
            if (i == highlighted) {
                g.setStroke(TokenColors.of(4, data.theme()));
                g.setLineWidth(4);
                double ring = s.pointRadius() + 10;
                g.strokeOval(xs[i] - ring, ys[i] - ring, 2 * ring, 2 * ring);
            }
            if (inWindow.contains(i) || i == sampled) {
                g.setStroke(s.highlight());
                g.setLineWidth(3);
                double ring = s.pointRadius() + 5;
                g.strokeOval(xs[i] - ring, ys[i] - ring, 2 * ring, 2 * ring);
            }
        }
        List<javafx.geometry.Rectangle2D> taken = new java.util.ArrayList<>();
        arrowBoxes.clear();
        // The axes' numbers and names are drawn already: a token's name (or h's) goes where it covers none.
        for (DrawnText axisText : drawnTexts()) {
            javafx.geometry.Bounds b = axisText.bounds();
            taken.add(new javafx.geometry.Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
        }
        if (arrow != null) {
            drawArrow(g, s, arrow, taken);
        }
        for (int i : drawn) {
            if (labelAll || inWindow.contains(i) || i == sampled || i == highlighted) {
                double ring = s.pointRadius() + 6;
                taken.add(new javafx.geometry.Rectangle2D(xs[i] - ring, ys[i] - ring, 2 * ring, 2 * ring));
            }
        }
        for (int i : drawn) {
            boolean inContext = inWindow.contains(i);
            if (!(labelAll || inContext || i == sampled || i == highlighted)) {
                continue;
            }
            String label = v.token(i) + (i == sampled ? " ★" : "");
            javafx.scene.text.Font font = inContext ? s.labelBold() : s.label();
            javafx.scene.text.Text measure = new javafx.scene.text.Text(label);
            measure.setFont(font);
            double tw = measure.getLayoutBounds().getWidth();
            double th = measure.getLayoutBounds().getHeight();
            // The winner's ring is wider than the context's: its name starts past the ring.
            double gap = arrow != null && data.winnerShown() && i == arrow.winner() ? s.pointRadius() + 20 : s.pointRadius() + 8;
            javafx.geometry.Rectangle2D box = placeLabel(xs[i], ys[i], tw, th, gap, taken, width, height);
            taken.add(box);
            g.setFont(font);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            if (pixelPath) {
                // Over a cloud of 100,000 points a name needs a halo of the background to be read.
                g.setStroke(s.background());
                g.setLineWidth(5);
                g.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
                g.strokeText(label, box.getMinX(), box.getMinY());
            }
            g.setFill(TokenColors.text(i, data.theme()));
            fillText(g, label, box.getMinX(), box.getMinY());
        }
        if (arrow != null) {
            drawArrowLabel(g, s, arrow, taken);
        }
        lastTaken = taken;
    }

    /** The sampled token's point, ring and starred name, when the canvas beneath did not draw them. */
    private final javafx.scene.shape.Circle sampledPoint = new javafx.scene.shape.Circle();
    private final javafx.scene.shape.Circle sampledRing = new javafx.scene.shape.Circle();
    private final javafx.scene.text.Text sampledName = new javafx.scene.text.Text();
    /*
     * The name's halo is a second, centred stroke of the same text behind it. An outside stroke on
     * the name itself looked the same, but JavaFX cuts the glyphs out of it with area geometry on
     * every paint: 85 % of the render thread's time at 100,000 tokens (JFR, -Pbench).
     */
    private final javafx.scene.text.Text sampledHalo = new javafx.scene.text.Text();
    private final javafx.scene.Group sampledMark = new javafx.scene.Group(sampledPoint, sampledRing, sampledHalo, sampledName);

    @Override
    protected void placeMarks() {
        if (data == null) {
            sampledMark.setVisible(false);
            return;
        }
        int sampled = data.sampled();
        Vocabulary v = data.vocabulary();
        boolean shown = sampled >= 0 && sampledOnChart() < 0 && w > 0 && v.hasEmbeddings()
                && sampled < v.size();
        sampledMark.setVisible(shown);
        if (!shown) {
            return;
        }
        ChartStyle s = style(data.theme() == nexttoken.presenter.Theme.PROJECTOR);
        Projection p = v.projection();
        double x = px(p.x().get(sampled));
        double y = py(p.y().get(sampled));
        sampledPoint.setCenterX(x);
        sampledPoint.setCenterY(y);
        sampledPoint.setRadius(s.pointRadius());
        sampledPoint.setFill(TokenColors.of(sampled, data.theme()));
        sampledRing.setCenterX(x);
        sampledRing.setCenterY(y);
        sampledRing.setRadius(s.pointRadius() + 5);
        sampledRing.setFill(null);
        sampledRing.setStroke(s.highlight());
        sampledRing.setStrokeWidth(3);
        sampledName.setText(v.token(sampled) + " ★");
        sampledName.setFont(s.label());
        sampledName.setFill(TokenColors.text(sampled, data.theme()));
        sampledName.setTextOrigin(VPos.TOP);
        double tw = sampledName.getLayoutBounds().getWidth();
        double th = sampledName.getLayoutBounds().getHeight();
        javafx.geometry.Rectangle2D box = placeLabel(x, y, tw, th, s.pointRadius() + 8, lastTaken, w, h);
        sampledName.setX(box.getMinX());
        sampledName.setY(box.getMinY());
    }

    /**
     * h from the origin, thick, with its head and its name; with f2's step the winner is ringed and,
     * when f2 is tied, a dashed line drops from it onto h: the longer that shadow, the larger h · e.
     */
    private void drawArrow(GraphicsContext g, ChartStyle s, nexttoken.report.AttentionPanels.Arrow a,
                           List<javafx.geometry.Rectangle2D> taken) {
        ArrowPixels at = new ArrowPixels(px(0), py(0), px(a.x()), py(a.y()));
        double x0 = at.x0();
        double y0 = at.y0();
        double x1 = at.x1();
        double y1 = at.y1();
        javafx.scene.paint.Color ink = s.text();
        if (data.winnerShown()) {
            int w = a.winner();
            double wx = px(data.vocabulary().projection().x().get(w));
            double wy = py(data.vocabulary().projection().y().get(w));
            if (a.tied()) {
                g.setStroke(TokenColors.of(w, data.theme()));
                g.setLineWidth(s.lineWidth());
                g.setLineDashes(8, 6);
                g.strokeLine(wx, wy, px(a.shadowX()), py(a.shadowY()));
                g.setLineDashes();
            }
            g.setStroke(TokenColors.of(w, data.theme()));
            g.setLineWidth(s.lineWidth() * 2);
            double ring = s.pointRadius() + 12;
            g.strokeOval(wx - ring, wy - ring, 2 * ring, 2 * ring);
        }
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (length < 1) {
            return;
        }
        double ux = (x1 - x0) / length;
        double uy = (y1 - y0) / length;
        double headLength = Math.min(length * 0.5, s.pointRadius() * 3.2);
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineWidth(s.lineWidth() * 2.5);
        g.strokeLine(x0, y0, x1 - ux * headLength * 0.8, y1 - uy * headLength * 0.8);
        double wing = headLength * 0.55;
        g.fillPolygon(new double[] {x1, x1 - ux * headLength - uy * wing, x1 - ux * headLength + uy * wing},
                new double[] {y1, y1 - uy * headLength + ux * wing, y1 - uy * headLength - ux * wing}, 3);
        // The shaft and the head are taken: a token's name set over h's arrow could be read as h's.
        double half = s.lineWidth() * 1.25 + 3;
        for (double d = 0; d < length - headLength; d += half) {
            taken.add(arrowBox(x0 + ux * d - half, y0 + uy * d - half, 2 * half, 2 * half));
        }
        double cx = x1 - ux * headLength / 2;
        double cy = y1 - uy * headLength / 2;
        double reach = headLength / 2 + 3;
        taken.add(arrowBox(cx - reach, cy - reach, 2 * reach, 2 * reach));
    }

    /** A piece of h's arrow: no name goes over it, not even the name of the point the arrow ends on. */
    private javafx.geometry.Rectangle2D arrowBox(double x, double y, double width, double height) {
        javafx.geometry.Rectangle2D box = new javafx.geometry.Rectangle2D(x, y, width, height);
        arrowBoxes.add(box);
        return box;
    }

    /** h's arrow in pixels: from the origin (x0, y0) to h's tip (x1, y1). */
    private record ArrowPixels(double x0, double y0, double x1, double y1) {
        double length() {
            return Math.hypot(x1 - x0, y1 - y0);
        }
    }

    /** h's name, placed after the tokens' names so that it can go where none of them is. */
    private void drawArrowLabel(GraphicsContext g, ChartStyle s, nexttoken.report.AttentionPanels.Arrow a,
                                List<javafx.geometry.Rectangle2D> taken) {
        ArrowPixels at = new ArrowPixels(px(0), py(0), px(a.x()), py(a.y()));
        double x1 = at.x1();
        double y1 = at.y1();
        double length = at.length();
        if (length < 1) {
            return;
        }
        double headLength = Math.min(length * 0.5, s.pointRadius() * 3.2);
        // "h = [1.147, −0.1059]" where there is room for it, else "h" alone (its numbers are in the
        // feed-forward and logits panels): never a name over a token's.
        for (String label : List.of(a.label(), "h")) {
            boolean last = label.equals("h");
            javafx.scene.text.Text measure = new javafx.scene.text.Text(label);
            measure.setFont(s.labelBold());
            double tw = measure.getLayoutBounds().getWidth();
            double th = measure.getLayoutBounds().getHeight();
            // Beside the arrow's end where it covers neither the shaft nor a point nor a name:
            // right of the tip, left of it, above or below it, the first that is free.
            double gap = headLength * 0.6 + 6;
            double[][] spots = {
                    {x1 + gap, y1 - th / 2}, {x1 - gap - tw, y1 - th / 2},
                    {x1 - tw - gap / 2, y1 - gap - th}, {x1 + gap / 2, y1 - gap - th},
                    {x1 - tw - gap / 2, y1 + gap}, {x1 + gap / 2, y1 + gap}};
            javafx.geometry.Rectangle2D box = null;
            for (double[] spot : spots) {
                javafx.geometry.Rectangle2D candidate = new javafx.geometry.Rectangle2D(spot[0], spot[1], tw, th);
                boolean inside = spot[0] >= MARGIN_LEFT && spot[0] + tw <= w - 2 && spot[1] >= MARGIN_TOP
                        && spot[1] + th <= h - MARGIN_BOTTOM;
                // A few pixels clear of every name too, so that "h" is not read as part of one ("sea h").
                javafx.geometry.Rectangle2D clear = new javafx.geometry.Rectangle2D(spot[0] - 6, spot[1] - 2, tw + 12, th + 4);
                if (inside && !crossesShaft(candidate, at.x0(), at.y0(), x1, y1)
                        && taken.stream().noneMatch(clear::intersects)) {
                    box = candidate;
                    break;
                }
            }
            if (box == null && last) {
                box = new javafx.geometry.Rectangle2D(Math.max(MARGIN_LEFT, Math.min(w - tw - 2, x1 + gap)),
                        Math.max(MARGIN_TOP, Math.min(h - th, y1 - gap - th)), tw, th);
            }
            if (box != null) {
                taken.add(box);
                g.setFill(s.text());
                g.setFont(s.labelBold());
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                fillText(g, label, box.getMinX(), box.getMinY());
                return;
            }
        }
    }

    /** Whether the box (with a few pixels' margin) covers any point of the shaft from (x0, y0) to (x1, y1). */
    private boolean crossesShaft(javafx.geometry.Rectangle2D box, double x0, double y0, double x1, double y1) {
        javafx.geometry.Rectangle2D wider = new javafx.geometry.Rectangle2D(box.getMinX() - 4, box.getMinY() - 4,
                box.getWidth() + 8, box.getHeight() + 8);
        for (int k = 0; k <= 40; k++) {
            double t = k / 40.0;
            if (wider.contains(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every point as a 2×2 block of pixels written straight into an image: 100,000
     * fillOval calls take a tenth of a second in the software renderer, this a few ms.
     */
    /**
     * The points only move when the embeddings, the axes or the size change; a temperature
     * change redraws the few marks over the same pixels. True when the cache served.
     */
    private boolean drawCachedPixels(GraphicsContext g, Vocabulary v, int width, int height) {
        boolean same = !pixelsDrawn.changed(RedrawKey.same(v), width, height, minX, maxX, minY, maxY,
                data.theme());
        if (same && pixels != null) {
            g.drawImage(pixels, 0, 0);
            return true;
        }
        return false;
    }

    private void drawPixels(GraphicsContext g, int n, int width, int height) {
        if (pixels == null || pixels.getWidth() != width || pixels.getHeight() != height) {
            pixels = new javafx.scene.image.WritableImage(Math.max(1, width), Math.max(1, height));
            buffer = new int[Math.max(1, width) * Math.max(1, height)];
        }
        java.util.Arrays.fill(buffer, 0);
        int[] argb = new int[7];
        for (int c = 0; c < argb.length; c++) {
            javafx.scene.paint.Color color = TokenColors.of(c, data.theme());
            argb[c] = 0xFF000000 | ((int) (color.getRed() * 255) << 16) | ((int) (color.getGreen() * 255) << 8)
                    | (int) (color.getBlue() * 255);
        }
        for (int i = 0; i < n; i++) {
            int x = (int) xs[i];
            int y = (int) ys[i];
            if (x < 0 || y < 0 || x + 1 >= width || y + 1 >= height) {
                continue;
            }
            int colour = argb[i % argb.length];
            int at = y * width + x;
            buffer[at] = colour;
            buffer[at + 1] = colour;
            buffer[at + width] = colour;
            buffer[at + width + 1] = colour;
        }
        pixels.getPixelWriter().setPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                buffer, 0, width);
        g.drawImage(pixels, 0, 0);
    }

    /** The first spot around the point (right, left, above, below, diagonals) that covers no other label or point. */
    private javafx.geometry.Rectangle2D placeLabel(double x, double y, double tw, double th, double gap,
                                                   List<javafx.geometry.Rectangle2D> taken, double width, double height) {
        double[][] offsets = {
                {gap, -th / 2}, {-gap - tw, -th / 2}, {-tw / 2, -gap - th}, {-tw / 2, gap},
                {gap, -gap - th * 0.8}, {gap, gap * 0.4}, {-gap - tw, -gap - th * 0.8}, {-gap - tw, gap * 0.4}};
        javafx.geometry.Rectangle2D first = null;
        // Beside the point first; then twice and three times as far, before a label lies on another.
        for (int ring = 0; ring < 3 * offsets.length; ring++) {
            double[] o = offsets[ring % offsets.length];
            double far = 1 + ring / offsets.length;
            double lx = Math.max(0, Math.min(width - tw, x + o[0] * far));
            double ly = Math.max(0, Math.min(height - th, y + o[1] * far));
            javafx.geometry.Rectangle2D box = new javafx.geometry.Rectangle2D(lx, ly, tw, th);
            if (first == null) {
                first = box;
            }
            boolean free = true;
            for (javafx.geometry.Rectangle2D t : taken) {
                boolean ownPoint = t.contains(x, y) && !arrowBoxes.contains(t);
                if (!ownPoint && t.intersects(box)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return box;
            }
        }
        return first;
    }

    /** More grid lines than any screen has room for: only a bound for a range beyond reading. */
    private static final int MOST_TICKS = 1000;

    /** A round tick step that leaves at least 48 pixels between tick labels. */
    private double tickStep(double span, double pixels) {
        double[] steps = {0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100};
        for (double step : steps) {
            if (pixels / (span / step) >= 48) {
                return step;
            }
        }
        return Math.pow(10, Math.ceil(Math.log10(span)));
    }

    private void drawAxes(GraphicsContext g, ChartStyle s, Projection p) {
        g.setLineWidth(1);
        g.setStroke(s.grid());
        g.setFont(s.small());
        g.setFill(s.axis());
        double step = tickStep(maxX - minX, w - MARGIN_LEFT - MARGIN);
        for (double x : AxisTicks.multiplesOf(step, minX, maxX + 1e-9, MOST_TICKS)) {
            g.strokeLine(px(x), py(minY), px(x), py(maxY));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            fillText(g, texts.number(Math.round(x * 100) / 100.0), px(x), py(minY) + 4);
        }
        double stepY = tickStep(maxY - minY, h - MARGIN_TOP - MARGIN_BOTTOM);
        boolean xLabelAtCorner = Math.abs(Math.ceil(minX / step) * step - minX) < 1e-9;
        for (double y : AxisTicks.multiplesOf(stepY, minY, maxY + 1e-9, MOST_TICKS)) {
            g.strokeLine(px(minX), py(y), px(maxX), py(y));
            // At the corner the lowest y number would sit on the first x number ("−2,0" over "−1,5").
            if (xLabelAtCorner && py(minY) - py(y) < s.small().getSize()) {
                continue;
            }
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            fillText(g, texts.number(Math.round(y * 100) / 100.0), px(minX) - 6, py(y));
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
        fillText(g, xName, px(maxX), py(minY) + MARGIN_BOTTOM - 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        fillText(g, yName, px(minX), py(maxY) - 4);
    }
}
