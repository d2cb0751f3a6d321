package nexttoken.presenter;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The one counter every model of a session bumps once per command, so a view that listens
 * to it redraws once however many properties the command changed.
 */
public final class Revision {
    private final ReadOnlyIntegerWrapper value = new ReadOnlyIntegerWrapper(this, "revision", 0);

    public ReadOnlyIntegerProperty property() {
        return value.getReadOnlyProperty();
    }

    public int get() {
        return value.get();
    }

    void bump() {
        value.set(value.get() + 1);
    }
}
