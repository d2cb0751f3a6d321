package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nexttoken.lesson.BuiltInLessons;
import org.junit.jupiter.api.Test;

/** The walk over a lesson model, without sampling, training or a toolkit. */
class WalkthroughTest {
    private final Revision revision = new Revision();
    private final LessonModel lessons = new LessonModel(BuiltInLessons.load("part2"), "part2", revision);
    private final Walkthrough walk = new Walkthrough(lessons, revision);

    @Test
    void startsAtThePromptAndFollowsEveryEdit() {
        assertEquals(List.of("el", "cielo", "es"), walk.getText());
        assertEquals(1800.0, walk.getTrace().f1().value());
        assertEquals(4500.0, walk.getTrace().f2().logits().get(0));
        lessons.setF2Weight(0, 1.0);
        assertEquals(1800.0, walk.getTrace().f2().logits().get(0));
    }

    @Test
    void aCommandBumpsTheRevisionOnce() {
        int before = revision.get();
        walk.next();
        assertEquals(before + 1, revision.get());
        lessons.setTemperature(2.0);
        assertEquals(before + 2, revision.get(), "the lesson's edit and the walk's recompute are one redraw");
    }

    @Test
    void aNewLessonRestartsTheWalkOnItsOwnPath() {
        walk.generate(3);
        assertEquals(6, walk.getText().size());
        lessons.load(BuiltInLessons.load("part1"), "part1");
        assertEquals(StepPaths.LOOKUP_PATH, walk.path());
        assertEquals(Step.TOKENS, walk.getStep());
        assertEquals(0, walk.appendedCount());
        walk.goTo(Step.LOOKUP);
        assertEquals("frío", lessons.get().vocabulary().token(walk.getSampledIndex()));
    }

    @Test
    void undoingASettingKeepsTheTextAndAnEditorEditRestartsFromItsPrompt() {
        walk.generate(2);
        assertEquals(5, walk.getText().size());
        lessons.setTopK(1);
        lessons.undo();
        assertEquals(5, walk.getText().size(), "every word still exists: the text stays");
        lessons.applyLessonEdit(lessons.get().withPrompt(List.of("el", "cielo", "es")).withTopK(3));
        assertEquals(List.of("el", "cielo", "es"), walk.getText());
        assertEquals(0, walk.appendedCount());
    }

    @Test
    void generateThenBackReturnsTokenByToken() {
        walk.generate(4);
        List<String> four = walk.getText();
        walk.back();
        assertEquals(Step.APPEND, walk.getStep());
        assertEquals(four.subList(0, 6), walk.getText());
        assertTrue(walk.getSampledIndex() >= 0, "Back returns to the draw that chose the token");
        assertEquals(four.get(6), lessons.get().vocabulary().token(walk.getSampledIndex()));
    }
}
