package nexttoken.view;

import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * An exact numeric field: typed or pasted text is committed on Enter or when focus
 * leaves; anything that is not an acceptable number is refused with a message and the
 * model's value comes back. Accepts '.' and ',' as the decimal separator.
 */
public final class NumberField extends TextField {
    private final DoublePredicate accepts;
    private final DoubleConsumer commit;
    private final String refusal;
    private String shown = "";

    public NumberField(DoublePredicate accepts, DoubleConsumer commit, String refusal) {
        this.accepts = accepts;
        this.commit = commit;
        this.refusal = refusal;
        getStyleClass().add("number-field");
        setPrefColumnCount(6);
        setOnAction(e -> commitText());
        focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitText();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                show(shown);
                e.consume();
            }
        });
    }

    /** Shows the model's value unless the person is typing in the field. */
    public void show(String text) {
        shown = text;
        // A TextField replaces its content, and lays itself out again, even for the same text:
        // every slider move would touch every field of the panel.
        if ((!isFocused() || getStyleClass().contains("invalid")) && !text.equals(getText())) {
            setText(text);
        }
        getStyleClass().remove("invalid");
        // Only the refusal goes: a tooltip with the exact value (Texts.exactTip) is kept and
        // given new text, since making a Tooltip on every slider move was a tenth of the FX thread.
        if (refusalTip != null && getTooltip() == refusalTip) {
            setTooltip(null);
        }
        refusalTip = null;
    }

    /** The tooltip saying why typed text was refused, while it is shown. */
    private Tooltip refusalTip;

    public static double parse(String text) {
        String t = text.trim().replace('−', '-').replace(',', '.');
        if (t.isEmpty() || !t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }

    private void commitText() {
        if (getText().equals(shown)) {
            return;
        }
        double value = parse(getText());
        if (Double.isFinite(value) && accepts.test(value)) {
            getStyleClass().remove("invalid");
            setTooltip(null);
            commit.accept(value);
        } else {
            if (!getStyleClass().contains("invalid")) {
                getStyleClass().add("invalid");
            }
            Tooltip tip = new Tooltip(refusal);
            refusalTip = tip;
            setTooltip(tip);
            if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                var p = localToScreen(0, getHeight());
                if (p != null) {
                    tip.show(this, p.getX(), p.getY());
                }
            }
        }
    }
}
