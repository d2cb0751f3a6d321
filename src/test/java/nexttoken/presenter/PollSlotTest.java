package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.poll.PollModel;
import org.junit.jupiter.api.Test;

/** The session's open poll, as every window observes it: no toolkit, no server. */
class PollSlotTest {
    private final Session session = new Session(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);

    private OpenPoll served(String link) {
        var trace = session.walk().getTrace();
        return OpenPoll.served(trace, new PollModel(trace.context().text(), trace.lesson().vocabulary()), link);
    }

    @Test
    void windowsSeeAPollOpenBeReplacedAndClose() {
        List<OpenPoll> seen = new ArrayList<>();
        session.poll().openProperty().addListener((o, was, is) -> seen.add(is));
        assertFalse(session.poll().isOpen());
        OpenPoll first = served("http://127.0.0.1:4000/abcdef");
        session.poll().show(first);
        assertTrue(session.poll().isOpen());
        assertSame(first, session.poll().get());
        OpenPoll elsewhere = served("http://10.0.0.2:4001/ghijkm");
        session.poll().show(elsewhere);
        session.poll().clear();
        assertFalse(session.poll().isOpen());
        assertEquals(java.util.Arrays.asList(first, elsewhere, null), seen);
    }

    @Test
    void theCountAndTheRevealAreTheVotesOfThePollShown() {
        OpenPoll open = served("http://127.0.0.1:4000/abcdef");
        session.poll().show(open);
        open.votes().vote("127.0.9.1", "azul");
        open.votes().vote("127.0.9.2", "frío");
        assertEquals(2, session.poll().get().votes().votes());
        assertFalse(session.poll().get().votes().isRevealed());
        open.votes().reveal();
        assertTrue(session.poll().get().votes().isRevealed());
    }

    @Test
    void aPollNotServedSaysWhy() {
        var trace = session.walk().getTrace();
        OpenPoll none = OpenPoll.noNetwork(trace);
        assertFalse(none.isServed());
        assertTrue(none.hasNoNetwork());
        OpenPoll failed = OpenPoll.notStarted(trace, "Address already in use");
        assertFalse(failed.isServed());
        assertFalse(failed.hasNoNetwork());
        assertEquals("Address already in use", failed.notStartedBecause());
        assertThrows(IllegalArgumentException.class, () -> new OpenPoll(trace, null, "http://127.0.0.1:1/abcdef", null));
    }

    @Test
    void aCopyOfTheSessionServesNoPoll() {
        session.poll().show(served("http://127.0.0.1:4000/abcdef"));
        assertNull(session.copy().poll().get(), "the preview and exports show the lesson");
    }
}
