package nexttoken.view;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The wrapped lines the attention panels write their worked numbers in. */
final class WorkedLines {
    private WorkedLines() {
    }

    /** A line that wraps in the panel's width and never lets the panel cut it shorter than its text. */
    static Label line(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A line whose rounded number has more digits: the exact value one hover away (none when it is exact). */
    static Label line(String text, String style, String id, String exact) {
        Label l = line(text, style);
        l.setId(id);
        if (exact != null) {
            l.setTooltip(new Tooltip(exact));
        }
        return l;
    }
}
