package nexttoken.poll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nexttoken.model.Composition;
import nexttoken.model.LessonFixtures;
import nexttoken.model.Normalization;
import nexttoken.model.ProblemKind;
import nexttoken.model.Trace;
import nexttoken.poll.PollModel.VoteOutcome;
import org.junit.jupiter.api.Test;

class PollModelTest {
    private final Trace part2 = Composition.compute(LessonFixtures.part(2));

    private PollModel poll() {
        return new PollModel(part2.context().text(), part2.lesson().vocabulary());
    }

    @Test
    void countsOneVotePerDeviceAndALaterVoteReplacesTheEarlier() {
        PollModel poll = poll();
        assertEquals(VoteOutcome.COUNTED, poll.vote("10.0.0.1", "azul"));
        assertEquals(VoteOutcome.COUNTED, poll.vote("10.0.0.2", "azul"));
        assertEquals(VoteOutcome.COUNTED, poll.vote("10.0.0.3", "frío"));
        assertEquals(VoteOutcome.REPLACED, poll.vote("10.0.0.2", "el"));
        assertEquals(VoteOutcome.REPLACED, poll.vote("10.0.0.3", "frío"));
        PollModel.Tally t = poll.tally();
        assertEquals(3, t.votes());
        // azul cielo frío el es
        assertArrayEquals(new int[] {1, 0, 1, 1, 0}, t.counts());
        assertEquals(1.0 / 3, t.share(0));
        assertEquals(0.0, t.share(1));
        assertEquals(List.of("el", "cielo", "es"), poll.prompt());
    }

    @Test
    void aTokenNotInTheVocabularyIsRefusedAndChangesNothing() {
        PollModel poll = poll();
        poll.vote("a", "azul");
        long before = poll.revision();
        assertEquals(VoteOutcome.UNKNOWN_TOKEN, poll.vote("a", "<b>azul</b>"));
        assertEquals(VoteOutcome.UNKNOWN_TOKEN, poll.vote("b", null));
        assertEquals(VoteOutcome.UNKNOWN_TOKEN, poll.vote("b", "Azul"));
        assertEquals(before, poll.revision());
        assertArrayEquals(new int[] {1, 0, 0, 0, 0}, poll.tally().counts());
    }

    @Test
    void noVoteCountsAfterClosing() {
        PollModel poll = poll();
        poll.vote("a", "cielo");
        poll.close();
        poll.close();
        assertFalse(poll.isOpen());
        assertEquals(VoteOutcome.CLOSED, poll.vote("a", "azul"));
        assertEquals(VoteOutcome.CLOSED, poll.vote("b", "azul"));
        assertEquals(VoteOutcome.CLOSED, poll.vote("b", "not a token"));
        assertArrayEquals(new int[] {0, 1, 0, 0, 0}, poll.tally().counts());
        assertFalse(poll.isRevealed());
    }

    @Test
    void revealEndsVotingAndTellsTheListeners() {
        PollModel poll = poll();
        AtomicInteger changes = new AtomicInteger();
        poll.addListener(changes::incrementAndGet);
        poll.vote("a", "es");
        assertFalse(poll.tally().revealed());
        poll.reveal();
        poll.reveal();
        PollModel.Tally t = poll.tally();
        assertTrue(t.revealed());
        assertFalse(t.open());
        assertEquals(VoteOutcome.CLOSED, poll.vote("b", "es"));
        assertEquals(2, changes.get(), "one vote and one reveal");
        assertEquals(1.0, t.share(4));
    }

    @Test
    void sharesAreZeroNotUndefinedBeforeAnyVote() {
        PollModel.Tally t = poll().tally();
        assertEquals(0, t.votes());
        for (int i = 0; i < 5; i++) {
            assertEquals(0.0, t.share(i));
        }
    }

    @Test
    void theModelSideIsTheTracesDistributionToTheDigit() {
        ModelSide model = ModelSide.of(part2);
        assertTrue(model.defined());
        assertArrayEquals(new double[] {0.423728813559322, 0.11864406779661017, 0.3389830508474576,
                0.03389830508474576, 0.0847457627118644}, model.probabilities().toArray());
        assertArrayEquals(new int[] {0, 2, 1, 4, 3}, model.mostProbable(5));
        assertArrayEquals(new int[] {0, 2}, model.mostProbable(2));
    }

    @Test
    void theModelSideFollowsTopKAndTemperature() {
        Trace hot = Composition.compute(LessonFixtures.part(2).withNormalization(Normalization.SOFTMAX)
                .withTemperature(1000).withTopK(2));
        double[] p = ModelSide.of(hot).probabilities().toArray();
        // softmax of (4.5, 3.6) over the two kept: 1 / (1 + e^-0.9)
        assertEquals(1 / (1 + Math.exp(-0.9)), p[0], 1e-15);
        assertEquals(0.0, p[1]);
        assertEquals(0.0, p[3]);
        assertEquals(1.0, p[0] + p[2], 1e-15);
    }

    /** After top-k the dropped tokens all have 0: the next most likely by logit come after the kept ones, not the vocabulary's first. */
    @Test
    void theModelSideRanksTokensATopKDroppedByLogit() {
        ModelSide model = ModelSide.of(Composition.compute(LessonFixtures.part(2).withTopK(2)));
        // logits 4500, 1260, 3600, 360, 900: kept 0 and 2, then 1 (1260) and 4 (900), not 3 (360)
        assertArrayEquals(new int[] {0, 2, 1, 4}, model.mostProbable(4));
        assertEquals(0.0, model.probabilities().get(1));
        assertEquals(0.0, model.probabilities().get(4));
    }

    @Test
    void aLookupLessonGivesTheLookedUpTokenEverything() {
        Trace part1 = Composition.compute(LessonFixtures.part(1));
        ModelSide model = ModelSide.of(part1);
        int chosen = part1.lookup().index();
        for (int i = 0; i < part1.lesson().vocabulary().size(); i++) {
            assertEquals(i == chosen ? 1.0 : 0.0, model.probabilities().get(i));
        }
    }

    @Test
    void anUndefinedNormHasNoModelSideButItsProblem() {
        Trace negative = Composition.compute(LessonFixtures.withLogits(3, -1, 2).withNormalization(Normalization.NORM));
        ModelSide model = ModelSide.of(negative);
        assertFalse(model.defined());
        assertNull(model.probabilities());
        assertEquals(ProblemKind.NORM_NEGATIVE_LOGIT, model.problem().kind());
        assertEquals(0, model.mostProbable(3).length);
    }

    @Test
    void symbolsRepeatOnlyAfterEveryColourAndSymbolPairWasUsed() {
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i < 77; i++) {
            pairs.add(i % 7 + TokenSymbols.of(i));
        }
        assertEquals(77, pairs.size());
    }

    @Test
    void aCodeHasSixCharactersThatCannotBeMisread() {
        for (int i = 0; i < 200; i++) {
            String code = PollCode.random();
            assertEquals(6, code.length());
            assertTrue(code.chars().allMatch(c -> PollCode.ALPHABET.indexOf(c) >= 0), code);
            assertFalse(code.matches(".*[01ilo].*"), code);
        }
    }

    @Test
    void theRateLimitAllowsFiveVotesASecondPerAddress() {
        long[] now = {0};
        VoteRate rate = new VoteRate(() -> now[0]);
        for (int i = 0; i < 5; i++) {
            assertTrue(rate.allow("a"));
            now[0] += 100_000_000L;
        }
        assertFalse(rate.allow("a"), "a sixth within the second");
        assertTrue(rate.allow("b"), "another address has its own five");
        now[0] = 1_000_000_000L;
        assertTrue(rate.allow("a"), "the first vote left the window");
        assertFalse(rate.allow("a"));
    }
}
