package nexttoken.view;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A one-line value (a lesson's title, a token's embedding) that wraps onto as many lines as it
 * needs instead of scrolling: a text field showed "Parte 7: dos cabezas de aten" and hid the
 * rest, and a trained embedding its last numbers (issue 17). It stays one value: Enter and Tab
 * do what they do in a field, and a pasted line break becomes a space.
 */
final class WrappingField extends TextArea {
    /** Marks the areas whose whole text must show (ScreenReader reads them; a corpus being edited scrolls). */
    static final String STYLE_CLASS = "wrapping-field";

    private final Text measure = new Text();

    WrappingField(String text) {
        super(text == null ? "" : text.replaceAll("\\R|\\t", " "));
        getStyleClass().add(STYLE_CLASS);
        setWrapText(true);
        setPrefRowCount(1);
        setMinHeight(Region.USE_PREF_SIZE);
        setTextFormatter(new TextFormatter<String>(change -> {
            if (change.getText().contains("\n") || change.getText().contains("\r") || change.getText().contains("\t")) {
                change.setText(change.getText().replaceAll("\\R|\\t", " "));
            }
            return change;
        }));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
            } else if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                // A text area takes Tab as a character; Ctrl+Tab is its way to the next field.
                e.consume();
                fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        textProperty().addListener(o -> fitRows());
        fontProperty().addListener(o -> fitRows());
        skinProperty().addListener(o -> {
            if (lookup(".scroll-pane") instanceof ScrollPane scroll) {
                scroll.viewportBoundsProperty().addListener(v -> fitRows());
            }
            fitRows();
        });
    }

    /**
     * As many rows as the text takes at the width the field has: the text wrapped at the
     * viewport's width, less the content's padding, in the field's font.
     */
    private void fitRows() {
        if (!(lookup(".scroll-pane") instanceof ScrollPane scroll) || !(lookup(".content") instanceof Region content)) {
            return;
        }
        double width = scroll.getViewportBounds().getWidth() - content.snappedLeftInset() - content.snappedRightInset();
        if (width <= 0) {
            return;
        }
        measure.setFont(getFont());
        measure.setText("X");
        double line = measure.getLayoutBounds().getHeight();
        measure.setText(getText().isEmpty() ? "X" : getText());
        measure.setWrappingWidth(width);
        int rows = Math.max(1, (int) Math.round(measure.getLayoutBounds().getHeight() / line));
        measure.setWrappingWidth(0);
        if (rows != getPrefRowCount()) {
            setPrefRowCount(rows);
        }
    }
}
