package nexttoken.view.step;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nexttoken.presenter.Presenter;
import nexttoken.view.AttentionMapView;
import nexttoken.view.DistributionView;
import nexttoken.view.EmbeddingScatterView;
import nexttoken.view.LogitsView;
import nexttoken.view.LookupView;
import nexttoken.view.PositionsView;
import nexttoken.view.StepView;
import nexttoken.view.TokenTableView;
import nexttoken.view.WeightedSumView;
import nexttoken.view.step.LessonViews.ViewId;

/**
 * The step views of one window (or of one offscreen render), each made the first time a
 * lesson needs it: a class on part 2 never builds the scatter.
 */
public final class StepViews {
    private final Presenter presenter;
    private final Consumer<StepView> onExport;
    private final Map<ViewId, StepView> made = new EnumMap<>(ViewId.class);

    public StepViews(Presenter presenter, Consumer<StepView> onExport) {
        this.presenter = presenter;
        this.onExport = onExport;
    }

    public StepView get(ViewId id) {
        return made.computeIfAbsent(id, this::make);
    }

    /** The views this lesson shows, in reading order, every stage's. */
    public List<StepView> of(nexttoken.model.Lesson lesson) {
        return LessonViews.inReadingOrder(lesson).stream().map(this::get).toList();
    }

    /** The views the grid shows at this step, in reading order. */
    public List<StepView> at(nexttoken.model.Lesson lesson, nexttoken.presenter.Step step) {
        return LessonViews.stageAt(lesson, step).views().stream().map(this::get).toList();
    }

    /** Which view this is, or null when this window did not make it. */
    public ViewId idOf(StepView view) {
        return made.entrySet().stream().filter(e -> e.getValue() == view).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private StepView make(ViewId id) {
        StepView view = switch (id) {
            case TOKENS -> new TokenTableView(presenter);
            case WEIGHTED_SUM -> new WeightedSumView(presenter);
            case LOOKUP -> new LookupView(presenter);
            case SCATTER -> new EmbeddingScatterView(presenter);
            case LOGITS -> new LogitsView(presenter);
            case DISTRIBUTION -> new DistributionView(presenter);
            case POSITIONS -> new PositionsView(presenter);
            case ATTENTION_MAP -> new AttentionMapView(presenter);
            case QKV -> new nexttoken.view.QkvView(presenter);
            case HEAD_OUTPUTS -> new nexttoken.view.HeadOutputsView(presenter);
            case FEED_FORWARD -> new nexttoken.view.FeedForwardView(presenter);
        };
        view.setOnExport(onExport);
        return view;
    }
}
