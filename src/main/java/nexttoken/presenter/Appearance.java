package nexttoken.presenter;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Theme and zoom of one window: a projector window keeps its own zoom while the teacher's
 * screen keeps another. It bumps the session's revision so the window's views redraw.
 */
public final class Appearance {
    public static final double MIN_ZOOM = 0.6;
    public static final double MAX_ZOOM = 2.5;
    private static final double ZOOM_STEP = 1.1;

    private final Revision revision;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);

    public Appearance(Revision revision) {
        this.revision = revision;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme t) {
        theme.set(t);
        revision.bump();
    }

    /** How much Ctrl + and Ctrl − have enlarged the UI: 1 is the size the window chose. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double getZoom() {
        return zoom.get();
    }

    public void zoomIn() {
        setZoom(zoom.get() * ZOOM_STEP);
    }

    public void zoomOut() {
        setZoom(zoom.get() / ZOOM_STEP);
    }

    public void resetZoom() {
        setZoom(1.0);
    }

    /** A zoom of its own, within the bounds (an offscreen copy takes the live window's). */
    public void setZoom(double z) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
        revision.bump();
    }
}
