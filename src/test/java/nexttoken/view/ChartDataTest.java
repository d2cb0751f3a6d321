package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.NumberText;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Session;
import nexttoken.presenter.Theme;
import org.junit.jupiter.api.Test;

/** The charts' data comes from the model's numbers alone: built here without a window, a presenter or a toolkit. */
class ChartDataTest {
    private final Session session = new Session(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
    private final Texts texts = new Texts(() -> Locale.ENGLISH);
    private final Trace trace = session.walk().getTrace();
    private final Vocabulary v = session.lessons().get().vocabulary();
    private final int[] all = {0, 1, 2, 3, 4};

    @Test
    void logitBarsAreF2sLogitsWithTheirRange() {
        BarsPane.Data d = LogitsView.chartData(trace.f2().logits(), v, all, 2, Theme.LIGHT, texts);
        assertEquals(List.of(4500.0, 1260.0, 3600.0, 360.0, 900.0), d.bars().stream().map(BarsPane.Bar::value).toList());
        assertEquals(List.of("azul", "cielo", "frío", "el", "es"), d.bars().stream().map(BarsPane.Bar::label).toList());
        assertEquals(NumberText.screen(4500, Locale.ENGLISH), d.bars().get(0).valueText());
        assertEquals(0, d.min());
        assertEquals(4500, d.max());
        assertTrue(d.bars().get(2).marker() != null, "the token a search found is marked");
        assertEquals(TokenColors.of(0, Theme.DARK),
                LogitsView.chartData(trace.f2().logits(), v, all, -1, Theme.DARK, texts).bars().get(0).color());
    }

    @Test
    void distributionBarsAreNormsProbabilitiesAndFadeWhatTheFilterDrops() {
        DistributionView.Marks marks = new DistributionView.Marks(-1, 0, -1);
        BarsPane.Data d = DistributionView.chartData(marks, trace.normalization(), null, v, all, Theme.LIGHT, texts);
        assertEquals(4500 / 10620.0, d.bars().get(0).value(), 1e-15);
        assertEquals(4500 / 10620.0, d.max(), 1e-15);
        assertEquals(texts.percent(4500 / 10620.0), d.bars().get(0).valueText());
        assertFalse(d.bars().stream().anyMatch(BarsPane.Bar::faded));

        session.lessons().setTopK(2);
        Trace topTwo = session.walk().getTrace();
        BarsPane.Data filtered = DistributionView.chartData(marks, topTwo.normalization(), topTwo.filter(), v, all,
                Theme.LIGHT, texts);
        assertEquals(List.of(false, true, false, true, true), filtered.bars().stream().map(BarsPane.Bar::faded).toList());
        assertEquals(texts.percent(4500 / 10620.0) + "\n→ " + texts.percent(4500 / 8100.0), filtered.bars().get(0).valueText());
    }

    @Test
    void lossCurvesKeepTheirOwnCopy() {
        List<Double> losses = new java.util.ArrayList<>(List.of(2.0, 1.5));
        LossCurve.Curves c = new LossCurve.Curves(losses, List.of(), Theme.LIGHT);
        losses.add(1.0);
        assertEquals(List.of(2.0, 1.5), c.losses());
    }

    @Test
    void theScatterRedrawsItsPointsOnlyWhenWhatItShowsChangesNotForANewDraw() {
        Vocabulary big = nexttoken.lesson.GeneratedLessons.cl100k(Locale.ENGLISH).vocabulary();
        List<Integer> context = List.of(10, 20, 30);
        ScatterData drawn = new ScatterData(big, context, 500, -1, null, false, true, Theme.LIGHT, 1, Locale.ENGLISH);
        assertEquals(-1, drawn.sampledOnChart(), "among 100,000 points the sampled one is marked apart");
        ScatterData redrawn = new ScatterData(big, context, 501, -1, null, false, true, Theme.LIGHT, 1, Locale.ENGLISH);
        assertTrue(redrawn.sameChart(drawn), "another draw moves the mark, not the points");
        assertEquals(20, new ScatterData(big, context, 20, -1, null, false, true, Theme.LIGHT, 1, Locale.ENGLISH)
                .sampledOnChart(), "a sampled context word is drawn with the context");
        assertEquals(500, new ScatterData(big, context, 500, 500, null, false, true, Theme.LIGHT, 1, Locale.ENGLISH)
                .sampledOnChart(), "a sampled word the search found is drawn with the search's ring");
        assertFalse(new ScatterData(big, List.of(10, 20, 31), 500, -1, null, false, true, Theme.LIGHT, 1, Locale.ENGLISH)
                .sameChart(drawn), "a new context");
        assertFalse(new ScatterData(big, context, 500, -1, null, false, true, Theme.PROJECTOR, 1, Locale.ENGLISH)
                .sameChart(drawn), "a new theme");
        assertFalse(new ScatterData(big, context, 500, -1, null, false, true, Theme.LIGHT, 1.25, Locale.ENGLISH)
                .sameChart(drawn), "a new zoom");
        // Five tokens are all named, the sampled one with its star: a new draw redraws them.
        ScatterData small = new ScatterData(v, List.of(3, 1, 4), 0, -1, null, false, true, Theme.LIGHT, 1, Locale.ENGLISH);
        assertEquals(0, small.sampledOnChart());
        assertFalse(new ScatterData(v, List.of(3, 1, 4), 2, -1, null, false, true, Theme.LIGHT, 1, Locale.ENGLISH)
                .sameChart(small));
    }
}
