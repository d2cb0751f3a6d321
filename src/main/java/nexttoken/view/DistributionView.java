package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nexttoken.model.FilterStep;
import nexttoken.model.Normalization;
import nexttoken.model.NormalizationStep;
import nexttoken.model.Ranking;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;

/**
 * The probabilities as bars with percentages; from the filter step on, what top-k and
 * top-p dropped is pale and what they kept shows its renormalized value; the greedy and
 * the sampled token are marked. When norm is undefined, it says why in place.
 */
public final class DistributionView extends StepView {
    private final BarsPane bars = new BarsPane();
    private final Label equation = new Label();
    private final Label note = new Label();
    private final Label undefined = new Label();

    public DistributionView(Presenter presenter) {
        super(presenter, List.of(Step.NORMALIZE, Step.FILTER, Step.SAMPLE), "distribution-view");
        bars.setExactTip(texts::exactTip);
        equation.getStyleClass().add("equation");
        equation.setWrapText(true);
        equation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("step-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        undefined.getStyleClass().add("undefined-explanation");
        undefined.setWrapText(true);
        undefined.setId("distribution-problem");
        VBox box = new VBox(6, equation, bars, note, undefined);
        VBox.setVgrow(bars, Priority.ALWAYS);
        setContent(box);
        bars.setOnCapacityChanged(this::refresh);
    }

    public BarsPane bars() {
        return bars;
    }

    public String noteText() {
        return note.getText();
    }

    public String problemText() {
        return undefined.isVisible() ? undefined.getText() : "";
    }

    @Override
    public String exportName() {
        return "distribution";
    }

    @Override
    protected String titleKey() {
        return "view.distribution.title";
    }

    @Override
    protected String captionText() {
        return texts.get(presenter.getLesson().normalization() == Normalization.NORM
                ? "view.distribution.caption.norm" : "view.distribution.caption.softmax");
    }

    /** The tokens the chart marks: the sampled one, the most probable one, the one a search found (-1: none). */
    public record Marks(int sampled, int greedy, int highlighted) {
    }

    /**
     * The bars of these tokens' probabilities, from the model's numbers: the chart's data,
     * whichever pane draws it. With a filter, the dropped tokens fade and the kept ones show
     * their renormalised probability too.
     *
     * @param filter null before the class has reached the filter (or when it keeps every token)
     */
    public static BarsPane.Data chartData(Marks marks, NormalizationStep n, FilterStep filter, Vocabulary v, int[] shown,
            Theme theme, Texts texts) {
        boolean filtered = filter != null && !filter.keepsAll();
        List<BarsPane.Bar> list = new ArrayList<>();
        double max = 0;
        for (int i : shown) {
            double p = n.probabilities().get(i);
            boolean dropped = filtered && !filter.kept().contains(i);
            String value = texts.percent(p);
            if (filtered && !dropped) {
                value = value + "\n→ " + texts.percent(filter.probabilities().get(i));
            }
            String marker = null;
            if (i == marks.sampled()) {
                marker = "● " + texts.get("view.distribution.sampled");
            } else if (i == marks.greedy()) {
                marker = "▲ " + texts.get("view.distribution.greedy");
            } else if (i == marks.highlighted()) {
                marker = "◆ " + texts.get("view.search.found");
            }
            list.add(new BarsPane.Bar(v.token(i), p, value, TokenColors.of(i, theme), TokenColors.text(i, theme), dropped, marker));
            max = Math.max(max, p);
        }
        return new BarsPane.Data(list, 0, max);
    }

    private final RedrawKey drawn = new RedrawKey();

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        if (!drawn.changed(RedrawKey.same(t.normalization()), RedrawKey.same(t.filter()), t.problem(),
                RedrawKey.same(presenter.getLesson().vocabulary()), presenter.isRevealed(Step.FILTER),
                presenter.getSampledIndex(), presenter.getHighlightedToken(), texts.locale(), presenter.getTheme(),
                bars.readableCount(LogitsView.MAX_BARS))) {
            return;
        }
        bars.textsBelongTo(RedrawKey.same(presenter.getLesson().vocabulary()), texts.locale(), presenter.getTheme(),
                presenter.getZoom());
        boolean ok = t.normalization() != null;
        show(undefined, !ok);
        show(bars, ok);
        show(equation, ok);
        if (!ok) {
            undefined.setText(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale()));
            note.setText("");
            return;
        }
        Vocabulary v = presenter.getLesson().vocabulary();
        NormalizationStep n = t.normalization();
        FilterStep f = t.filter();
        boolean filtered = presenter.isRevealed(Step.FILTER) && !f.keepsAll();
        int sampled = presenter.getSampledIndex();
        int greedy = t.greedyIndex();
        int[] shown = presenter.chartTokens(bars.readableCount(LogitsView.MAX_BARS), sampled, presenter.getHighlightedToken());
        bars.show(chartData(new Marks(sampled, greedy, presenter.getHighlightedToken()), n, filtered ? f : null, v, shown,
                presenter.getTheme(), texts));
        equation.setText(v.size() <= 8 ? texts.formulas().normalizationShort(t)
                : (n.method() == Normalization.NORM ? "norm" : "softmax") + "(f2(f1(x)))");
        List<String> notes = new ArrayList<>();
        if (n.temperatureIgnored()) {
            notes.add(texts.format("view.distribution.norm_temperature", texts.number(n.temperature())));
        } else if (n.greedy()) {
            notes.add(texts.get("view.distribution.greedy_temperature"));
        } else {
            notes.add(texts.format("view.distribution.temperature", texts.number(n.temperature())));
        }
        if (presenter.isRevealed(Step.FILTER)) {
            notes.add(f.keepsAll() ? texts.get("view.distribution.filter_off")
                    : texts.format("view.distribution.filter", texts.count(f.kept().size()), texts.count(v.size())));
        }
        if (shown.length < v.size()) {
            notes.add(texts.format("view.tail.probabilities", texts.count(v.size() - shown.length),
                    texts.percent(Ranking.tail(n.probabilities(), shown))));
        }
        note.setText(String.join("  ", notes));
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
