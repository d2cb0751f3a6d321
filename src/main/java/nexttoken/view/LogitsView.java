package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nexttoken.model.Trace;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;

/** f2's logits: one bar per token with its value, negative ones below the axis. */
public final class LogitsView extends StepView {
    /** More bars than this stop being readable from the back of a room. */
    static final int MAX_BARS = 16;

    private final BarsPane bars = new BarsPane();
    private final Label equation = new Label();
    private final Label tail = new Label();

    public LogitsView(Presenter presenter) {
        super(presenter, List.of(Step.F2), "logits-view");
        bars.setExactTip(texts::exactTip);
        equation.getStyleClass().add("equation");
        equation.setWrapText(true);
        equation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tail.getStyleClass().add("tail-note");
        VBox box = new VBox(6, equation, bars, tail);
        VBox.setVgrow(bars, Priority.ALWAYS);
        setContent(box);
        bars.setOnCapacityChanged(this::refresh);
    }

    public BarsPane bars() {
        return bars;
    }

    @Override
    public String exportName() {
        return "logits";
    }

    @Override
    protected String titleKey() {
        return "view.f2.title";
    }

    /**
     * The bars of these tokens' logits, from the model's numbers: the chart's data, whichever
     * pane (this view, a preview, a handout) draws it.
     */
    public static BarsPane.Data chartData(Values logits, Vocabulary v, int[] shown, int highlighted, Theme theme,
            Texts texts) {
        List<BarsPane.Bar> list = new ArrayList<>();
        double min = 0;
        double max = 0;
        for (int i : shown) {
            double value = logits.get(i);
            // An overflowing logit has no bar; its text is a dash and the line above says why.
            double drawn = Double.isFinite(value) ? value : 0;
            min = Math.min(min, drawn);
            max = Math.max(max, drawn);
            list.add(new BarsPane.Bar(v.token(i), drawn, texts.number(value), TokenColors.of(i, theme),
                    TokenColors.text(i, theme), false, i == highlighted ? "◆ " + texts.get("view.search.found") : null));
        }
        return new BarsPane.Data(list, min, max);
    }

    /** In an attention lesson f2 reads h: the largest logit written out as h · f2ᵢ (more lines
     * would squeeze the bars below them at 1024×768); the others are the same sum, and the trace has them all. */
    static final int ATTENTION_LINES = 1;

    private String attentionLogits(Trace t) {
        int[] tokens = nexttoken.model.Ranking.inFallingOrder(
                nexttoken.model.Ranking.mostProbable(t.f2(), ATTENTION_LINES), t.f2().logits());
        StringBuilder out = new StringBuilder();
        for (nexttoken.report.AttentionPanels.Logit l : nexttoken.report.AttentionPanels.logits(t, tokens, texts.locale())) {
            out.append(out.length() == 0 ? "" : "\n").append(l.line());
        }
        int rest = t.lesson().vocabulary().size() - tokens.length;
        if (rest > 0) {
            out.append("\n").append(texts.format("view.f2.attention.rest", rest));
        }
        return out.toString();
    }

    @Override
    protected String captionText() {
        nexttoken.model.Lesson lesson = presenter.getLesson();
        if (lesson.isAttention()) {
            return texts.get(lesson.attention().tied() ? "view.f2.caption.tied" : "view.f2.caption.rows");
        }
        return super.captionText();
    }

    /** The equation under the title, as the class reads it. */
    public String equationText() {
        return equation.getText();
    }

    private final RedrawKey drawn = new RedrawKey();

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        // The model hands back the same f2 step when a move left the logits alone (a temperature
        // change): then nothing here changed, and ranking 100,000 logits again would be wasted.
        if (!drawn.changed(RedrawKey.same(t.f2()), t.problem(), RedrawKey.same(presenter.getLesson().vocabulary()),
                presenter.getHighlightedToken(), texts.locale(), presenter.getTheme(), bars.readableCount(MAX_BARS))) {
            return;
        }
        bars.textsBelongTo(RedrawKey.same(presenter.getLesson().vocabulary()), texts.locale(), presenter.getTheme(),
                presenter.getZoom());
        if (t.f2() == null) {
            bars.setBars(List.of(), 0, 1);
            equation.setText(t.problem() == null ? "" : t.problem().message(texts.locale()));
            tail.setText("");
            return;
        }
        Vocabulary v = presenter.getLesson().vocabulary();
        int[] shown = presenter.chartTokens(bars.readableCount(MAX_BARS), presenter.getHighlightedToken());
        bars.show(chartData(t.f2().logits(), v, shown, presenter.getHighlightedToken(), presenter.getTheme(), texts));
        // The model stops at the first logit that overflowed; no need to look at 100,000 of them again.
        boolean overflow = t.problem() != null && t.problem().kind() == nexttoken.model.ProblemKind.LOGIT_NOT_FINITE;
        equation.setText(overflow ? "⚠ " + t.problem().message(texts.locale())
                : t.attention() != null ? attentionLogits(t)
                : v.size() <= 8 ? texts.formulas().f2Short(t) : "f2(" + texts.number(t.f2().input()) + ")");
        tail.setText(shown.length < v.size() ? texts.format("view.tail.logits", texts.count(shown.length), texts.count(v.size())) : "");
        tail.setVisible(shown.length < v.size());
        tail.setManaged(shown.length < v.size());
    }

    /** What the note under the bars says of the logits left out ("The 16 largest of 100,256 logits."). */
    public String tailText() {
        return tail.getText();
    }
}
