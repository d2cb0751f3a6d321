package nexttoken.view;

import java.util.List;
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
    private final EmbeddingScatterChart plot;

    public EmbeddingScatterView(Presenter presenter) {
        super(presenter, List.of(Step.INPUT), "embedding-scatter-view");
        plot = new EmbeddingScatterChart(texts, presenter::moveEmbedding, presenter::commitEdit);
        setContent(plot);
    }

    @Override
    public String exportName() {
        return "embeddings";
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
        if (presenter.getLesson().isAttention() && v.embeddingLength() == 2) {
            return texts.get(presenter.getLesson().attention().tied() ? "view.scatter.caption.attention.tied"
                    : "view.scatter.caption.attention.rows");
        }
        return texts.get(v.embeddingLength() == 2 ? "view.scatter.caption" : "view.scatter.caption.pca");
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        plot.setData(new ScatterData(presenter.getLesson().vocabulary(),
                t.context() == null ? List.of() : t.context().indices(), presenter.getSampledIndex(),
                presenter.getHighlightedToken(), arrow(), winnerShown(), presenter.isRevealed(firstStep()),
                presenter.getTheme(), presenter.getZoom(), texts.locale()));
    }

    /** h is drawn once the class has computed it: after the feed-forward step, or the heads' when there is none. */
    private boolean hShown() {
        List<Step> path = presenter.path();
        Step hStep = path.contains(Step.FEED_FORWARD) ? Step.FEED_FORWARD : Step.HEADS;
        return presenter.getLesson().isAttention() && path.contains(hStep) && presenter.isRevealed(hStep);
    }

    /** The winner along h is marked with f2's step, where the logits are h · f2ᵢ. */
    private boolean winnerShown() {
        return hShown() && presenter.isRevealed(Step.F2);
    }

    /** h as drawn (null when it is not), from the trace: the panel never computes it. */
    private nexttoken.report.AttentionPanels.Arrow arrow() {
        return hShown() ? nexttoken.report.AttentionPanels.arrow(presenter.getTrace(), texts.locale()) : null;
    }

    /** Where h's arrow starts (the origin) and ends, in scene coordinates; null when it is not drawn. */
    public javafx.geometry.Point2D[] hArrowInScene() {
        nexttoken.report.AttentionPanels.Arrow a = arrow();
        if (a == null) {
            return null;
        }
        return new javafx.geometry.Point2D[] {plot.localToScene(plot.px(0), plot.py(0)),
                plot.localToScene(plot.px(a.x()), plot.py(a.y()))};
    }

    /** The token ringed as the one pointing most along h; -1 when none is. */
    public int markedAlongH() {
        nexttoken.report.AttentionPanels.Arrow a = arrow();
        return a != null && winnerShown() ? a.winner() : -1;
    }


    /** Pixel position of a token's point, so tests can drag it as a person would. */
    public javafx.geometry.Point2D pointOf(int tokenIndex) {
        Projection p = presenter.getLesson().vocabulary().projection();
        return plot.localToScene(plot.px(p.x().get(tokenIndex)), plot.py(p.y().get(tokenIndex)));
    }
}
