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
    void everyRowFillsTheWidthAndTheRowsFillTheHeight() {
        for (LessonKind kind : List.of(LessonKind.LOOKUP, LessonKind.IDS, LessonKind.EMBEDDINGS)) { // attention has no views yet
            List<LessonViews.Row> rows = LessonViews.rows(kind);
            if (kind == LessonKind.ATTENTION) {
                // No attention views yet: no window lays an attention lesson out (LessonModel refuses it).
                assertEquals(List.of(), rows);
                continue;
            }
            assertEquals(100.0, rows.stream().mapToDouble(LessonViews.Row::heightPercent).sum(), 1e-9, kind.name());
            for (LessonViews.Row r : rows) {
                assertEquals(100.0, r.cells().stream().mapToDouble(LessonViews.Cell::widthPercent).sum(), 1e-9, kind.name());
            }
        }
    }

    @Test
    void theFormulaSpellsTheCompositionAndEveryFunctionIsAStepOfThePath() {
        Texts texts = new Texts(new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH));
        for (LessonKind kind : List.of(LessonKind.LOOKUP, LessonKind.IDS, LessonKind.EMBEDDINGS)) { // attention has no views yet
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
    }

    private static String spelled(LessonKind kind, Normalization n, Texts texts) {
        return String.join("", LessonViews.formula(kind, n, texts).stream().map(LessonViews.Term::text).toList());
    }
}
