package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import nexttoken.presenter.Presenter;

/**
 * The head switch of the attention step: one button per head, none for a lesson of one head (there
 * is nothing to switch to). q/k/v and the map each show one and both set the session's head, so
 * switching in either moves both.
 */
final class HeadSwitch {
    private final ChoiceButtons buttons;
    private final String labelKey;

    /**
     * @param idPrefix head h (1 first) gets the id {@code idPrefix + h}
     * @param labelKey the bundle's text of a button, given the head's number
     */
    HeadSwitch(Pane box, String idPrefix, String labelKey, Presenter presenter, Consumer<ToggleButton> dressing) {
        this.labelKey = labelKey;
        this.buttons = new ChoiceButtons(box, idPrefix, dressing, presenter::setShownHead);
    }

    /** The buttons of {@code heads} heads in the language of {@code texts}, head {@code shown} (0 first) chosen. */
    void show(Texts texts, int heads, int shown) {
        List<String> labels = new ArrayList<>();
        for (int h = 0; heads > 1 && h < heads; h++) {
            labels.add(texts.format(labelKey, h + 1));
        }
        buttons.show(labels, shown);
    }
}
