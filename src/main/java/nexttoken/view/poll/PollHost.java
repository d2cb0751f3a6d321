package nexttoken.view.poll;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import nexttoken.model.Trace;
import nexttoken.poll.ClassPoll;
import nexttoken.poll.PollAddresses;
import nexttoken.presenter.OpenPoll;
import nexttoken.presenter.PollSlot;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
import nexttoken.view.TokenColors;

/**
 * Serves the session's class poll: the one place that starts and stops its server, whichever
 * window asked (the main window's toolbar, P in the presenter or projector window), and puts
 * what it serves in the session's {@link PollSlot} for every window to show.
 */
public final class PollHost {
    private final Presenter presenter;
    private final UserSettings settings;
    private Supplier<List<PollAddresses.Offer>> offers;
    private List<PollAddresses.Offer> offered = List.of();
    private PollAddresses.Offer servedOn;
    private ClassPoll served;
    private final InvalidationListener onPresenter = o -> presenterChanged();

    /** @param offers the networks a poll may be served on; tests give loopback, which the app never offers */
    public PollHost(Presenter presenter, UserSettings settings, Supplier<List<PollAddresses.Offer>> offers) {
        this.presenter = presenter;
        this.settings = settings;
        this.offers = Objects.requireNonNull(offers, "offers");
    }

    public void setOffers(Supplier<List<PollAddresses.Offer>> offers) {
        this.offers = Objects.requireNonNull(offers, "offers");
    }

    private PollSlot slot() {
        return presenter.session().poll();
    }

    /** Asks the class about the current context, on the remembered network (or the first); nothing if a poll is open. */
    public void ask() {
        if (slot().isOpen()) {
            return;
        }
        Trace askedAbout = presenter.getTrace();
        offered = List.copyOf(offers.get());
        presenter.revisionProperty().addListener(onPresenter);
        PollAddresses.Offer chosen = PollAddresses.preferred(offered, settings.pollAddress()).orElse(null);
        if (chosen == null) {
            servedOn = null;
            slot().show(OpenPoll.noNetwork(askedAbout));
            return;
        }
        serve(askedAbout, chosen);
    }

    /** Serves the open question on another address: the old address stops answering at once. */
    public void serveOn(PollAddresses.Offer offer) {
        OpenPoll open = slot().get();
        if (open == null || offer.equals(servedOn)) {
            return;
        }
        serve(open.askedAbout(), offer);
    }

    private void serve(Trace askedAbout, PollAddresses.Offer offer) {
        stopServer();
        servedOn = offer;
        try {
            served = ClassPoll.start(askedAbout, TokenColors.cssPalette(Theme.LIGHT), phoneLanguage(askedAbout),
                    offer.address(), 0);
            settings.setPollAddress(offer.address().getHostAddress());
            slot().show(OpenPoll.served(askedAbout, served.poll(), served.address()));
        } catch (IOException | RuntimeException e) {
            served = null;
            slot().show(OpenPoll.notStarted(askedAbout, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
    }

    private Locale phoneLanguage(Trace askedAbout) {
        String lessonLanguage = askedAbout.lesson().language();
        return lessonLanguage != null ? Locale.forLanguageTag(lessonLanguage) : presenter.getLanguage();
    }

    /** Ends voting and shows the class beside the model, in every window; nothing without a served poll. */
    public void reveal() {
        if (served != null) {
            served.poll().reveal();
        }
    }

    /** Stops the server; every window shows the lesson again at the step reached. */
    public void close() {
        stopServer();
        servedOn = null;
        offered = List.of();
        presenter.revisionProperty().removeListener(onPresenter);
        slot().clear();
    }

    private void stopServer() {
        if (served != null) {
            served.server().close();
            served = null;
        }
    }

    public boolean isServing() {
        return served != null;
    }

    /** The networks offered when the poll was asked. */
    public List<PollAddresses.Offer> offered() {
        return offered;
    }

    /** The network served on, or null. */
    public PollAddresses.Offer servedOn() {
        return servedOn;
    }

    private void presenterChanged() {
        OpenPoll open = slot().get();
        if (open != null && !presenter.getLesson().vocabulary().equals(open.askedAbout().lesson().vocabulary())) {
            // Another lesson (or an edited vocabulary): the class voted on tokens that are no longer there.
            close();
        }
    }
}
