package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.LessonKind;
import nexttoken.model.Normalization;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.StepPaths;
import nexttoken.view.step.LessonViews;
import nexttoken.view.step.LessonViews.ViewId;
import org.junit.jupiter.api.Test;

/** The table of what each kind shows, read without a toolkit. */
class LessonViewsTest {

    @Test
    void eachKindShowsItsViewsInReadingOrder() {
        assertEquals(List.of(ViewId.TOKENS, ViewId.WEIGHTED_SUM, ViewId.LOOKUP), LessonViews.inReadingOrder(LessonKind.LOOKUP));
        assertEquals(List.of(ViewId.TOKENS, ViewId.WEIGHTED_SUM, ViewId.LOGITS, ViewId.DISTRIBUTION),
                LessonViews.inReadingOrder(LessonKind.IDS));
        assertEquals(List.of(ViewId.TOKENS, ViewId.WEIGHTED_SUM, ViewId.SCATTER, ViewId.LOGITS, ViewId.DISTRIBUTION),
                LessonViews.inReadingOrder(LessonKind.EMBEDDINGS));
    }

    @Test
    void everyStageFillsTheGridAndEveryStepIsInExactlyOneStage() {
        for (LessonKind kind : LessonKind.values()) {
            List<LessonViews.Stage> stages = LessonViews.stages(kind);
            for (LessonViews.Stage stage : stages) {
                assertEquals(100.0, stage.rows().stream().mapToDouble(LessonViews.Row::heightPercent).sum(), 1e-9,
                        kind.name());
                for (LessonViews.Row r : stage.rows()) {
                    assertEquals(100.0, r.cells().stream().mapToDouble(LessonViews.Cell::widthPercent).sum(), 1e-9,
                            kind.name());
                }
                assertEquals(stage.views().size(), new java.util.HashSet<>(stage.views()).size(), "a view once per stage");
            }
            for (Step s : StepPaths.of(kind)) {
                assertEquals(1, stages.stream().filter(st -> st.steps().contains(s)).count(), kind + " " + s);
                assertEquals(true, LessonViews.stageAt(kind, s).steps().contains(s));
            }
        }
    }

    @Test
    void anAttentionLessonShowsTheWordsFirstAndThePredictionAfterTheHeads() {
        LessonViews.Stage words = LessonViews.stageAt(LessonKind.ATTENTION, Step.POSITIONS);
        LessonViews.Stage logits = LessonViews.stageAt(LessonKind.ATTENTION, Step.F2);
        LessonViews.Stage prediction = LessonViews.stageAt(LessonKind.ATTENTION, Step.NORMALIZE);
        assertEquals(List.of(ViewId.TOKENS, ViewId.POSITIONS), words.views());
        assertEquals(words, LessonViews.stageAt(LessonKind.ATTENTION, Step.TOKENS));
        assertEquals(true, LessonViews.stageAt(LessonKind.ATTENTION, Step.ATTENTION).views().contains(ViewId.ATTENTION_MAP));
        assertEquals(true, logits.views().containsAll(List.of(ViewId.LOGITS, ViewId.SCATTER, ViewId.DISTRIBUTION)));
        assertEquals(true, prediction.views().containsAll(List.of(ViewId.LOGITS, ViewId.DISTRIBUTION)));
        assertEquals(false, words.views().contains(ViewId.DISTRIBUTION));
        assertEquals(prediction, LessonViews.stageAt(LessonKind.ATTENTION, Step.APPEND));
        // An export writes every view once, stage by stage.
        List<ViewId> all = LessonViews.inReadingOrder(LessonKind.ATTENTION);
        assertEquals(all.size(), new java.util.HashSet<>(all).size());
        assertEquals(true, all.containsAll(words.views()) && all.containsAll(prediction.views()));
    }

    @Test
    void withoutAFeedForwardStepTheHeadsHaveTheWholeWidth() {
        var part6 = BuiltInLessons.load("part6");
        var part7 = BuiltInLessons.load("part7");
        assertEquals(List.of(new LessonViews.Row(100, List.of(new LessonViews.Cell(ViewId.HEAD_OUTPUTS, 100)))),
                LessonViews.stageAt(part6, Step.HEADS).rows());
        assertEquals(List.of(ViewId.HEAD_OUTPUTS, ViewId.FEED_FORWARD), LessonViews.stageAt(part7, Step.HEADS).views());
        assertEquals(LessonViews.stages(LessonKind.ATTENTION), LessonViews.stages(part7));
        // The other stages are the kind's.
        assertEquals(LessonViews.stageAt(LessonKind.ATTENTION, Step.F2), LessonViews.stageAt(part6, Step.F2));
    }

    @Test
    void theFormulaSpellsTheCompositionAndEveryFunctionIsAStepOfThePath() {
        Texts texts = new Texts(new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH));
        for (LessonKind kind : LessonKind.values()) {
            for (LessonViews.Term t : LessonViews.formula(kind, Normalization.NORM, texts)) {
                if (t.step() != null) {
                    assertEquals(true, StepPaths.of(kind).contains(t.step()), kind + " " + t);
                }
            }
        }
        assertEquals("norm(f2(f1(x)))", spelled(LessonKind.IDS, Normalization.NORM, texts));
        assertEquals("softmax(f2(f1(x)))", spelled(LessonKind.EMBEDDINGS, Normalization.SOFTMAX, texts));
        assertEquals(texts.get("formula.lookup") + "(f1(x))", spelled(LessonKind.LOOKUP, Normalization.NORM, texts));
        assertEquals(Step.LOOKUP, LessonViews.formula(LessonKind.LOOKUP, Normalization.NORM, texts).get(0).step());
        assertEquals("softmax(f2(h(attention(x + PE))))", spelled(LessonKind.ATTENTION, Normalization.SOFTMAX, texts));
    }

    @Test
    void part6sHIsTheHeadsStepAndPart7sTheFeedForward() {
        Texts texts = new Texts(new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH));
        assertEquals(Step.HEADS, stepOf("h", LessonViews.formula(BuiltInLessons.load("part6"), texts)));
        assertEquals(Step.FEED_FORWARD, stepOf("h", LessonViews.formula(BuiltInLessons.load("part7"), texts)));
        assertEquals(Step.ATTENTION, stepOf(texts.get("formula.attention"), LessonViews.formula(BuiltInLessons.load("part6"), texts)));
        assertEquals(Step.POSITIONS, stepOf("x + PE", LessonViews.formula(BuiltInLessons.load("part6"), texts)));
    }

    private static Step stepOf(String text, List<LessonViews.Term> terms) {
        return terms.stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow().step();
    }

    private static String spelled(LessonKind kind, Normalization n, Texts texts) {
        return String.join("", LessonViews.formula(kind, n, texts).stream().map(LessonViews.Term::text).toList());
    }
}
