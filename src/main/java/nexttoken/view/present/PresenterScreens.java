package nexttoken.view.present;

import nexttoken.presenter.Presenter;
import nexttoken.settings.UserSettings;

/**
 * The main window's presenter screen (View → Presenter screen): at most one at a time over the
 * window's session, so opening it again brings the open one forward instead of a second pair
 * of windows.
 */
public final class PresenterScreens {
    private final Presenter presenter;
    private final UserSettings settings;
    private final nexttoken.view.poll.PollHost pollHost;
    private PresenterScreen open;

    /** @param pollHost the window's poll server: the screen's P, R, Reveal and Close run the same poll */
    public PresenterScreens(Presenter presenter, UserSettings settings, nexttoken.view.poll.PollHost pollHost) {
        this.presenter = presenter;
        this.settings = settings;
        this.pollHost = pollHost;
    }

    /** Opens the presenter screen over this window's session, or brings the open one forward. */
    public PresenterScreen openPresenterScreen() {
        if (open == null) {
            open = new PresenterScreen(presenter, settings, null, pollHost);
            open.setOnClosed(() -> open = null);
            open.open();
        }
        open.presenterStage().toFront();
        return open;
    }

    /** The presenter screen while it is open, else null. */
    public PresenterScreen presenterScreen() {
        return open;
    }
}
