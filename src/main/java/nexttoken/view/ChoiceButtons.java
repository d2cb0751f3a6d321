package nexttoken.view;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;

/**
 * Toggle buttons of which exactly one is chosen, in a pane the view places: the attention
 * panels' head switches and the heads panel's word switch. A click on the chosen button keeps
 * it chosen (a toggle group alone would leave none), and only a click calls back: showing the
 * choice the session holds is not a new choice.
 */
final class ChoiceButtons {
    private final Pane box;
    private final String idPrefix;
    private final Consumer<ToggleButton> dressing;
    private final ToggleGroup group = new ToggleGroup();
    private List<String> labels = List.of();
    /** Set while {@link #show} selects: the group's change is then the session's choice, not a click. */
    private boolean showing;

    /**
     * @param idPrefix button i (0 first) gets the id {@code idPrefix + (i + 1)}
     * @param dressing style for each new button (a class, a width)
     * @param onChoose called with the index a click chose
     */
    ChoiceButtons(Pane box, String idPrefix, Consumer<ToggleButton> dressing, IntConsumer onChoose) {
        this.box = box;
        this.idPrefix = idPrefix;
        this.dressing = dressing;
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (showing) {
                return;
            }
            if (now == null) {
                group.selectToggle(was);
                return;
            }
            onChoose.accept((Integer) now.getUserData());
        });
    }

    /** One button per label, {@code chosen} selected; the buttons are made again only when the labels change. */
    void show(List<String> shown, int chosen) {
        showing = true;
        try {
            if (!shown.equals(labels)) {
                labels = List.copyOf(shown);
                box.getChildren().clear();
                group.getToggles().clear();
                for (int i = 0; i < labels.size(); i++) {
                    ToggleButton b = new ToggleButton(labels.get(i));
                    b.setUserData(i);
                    b.setId(idPrefix + (i + 1));
                    b.setFocusTraversable(false);
                    b.setToggleGroup(group);
                    dressing.accept(b);
                    box.getChildren().add(b);
                }
            }
            for (Toggle t : group.getToggles()) {
                if ((Integer) t.getUserData() == chosen && !t.isSelected()) {
                    group.selectToggle(t);
                }
            }
        } finally {
            showing = false;
        }
    }

    /** The buttons, first to last (a view paints them, a test clicks them). */
    List<ToggleButton> buttons() {
        return group.getToggles().stream().map(ToggleButton.class::cast).toList();
    }
}
