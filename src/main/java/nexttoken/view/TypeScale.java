package nexttoken.view;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Theme;

/** Type size and stylesheets of a window's root, shared by the main window and the presenter screen's windows. */
public final class TypeScale {
    private TypeScale() {
    }

    /**
     * Readable from the back of the room at any size: 16 px at 1024×768, growing with the
     * region, up to 24 px; the projector theme is a fifth larger; the window's zoom on top.
     */
    public static void apply(Region root, Presenter presenter) {
        double size = Math.max(12, Math.min(24, Math.min(root.getWidth() / 64, root.getHeight() / 48)));
        double themeScale = presenter.getTheme() == Theme.PROJECTOR ? 1.2 : 1.0;
        size = Math.floor(size * themeScale * presenter.getZoom());
        String style = "-fx-font-size: " + size + "px;";
        if (!style.equals(root.getStyle())) {
            root.setStyle(style);
        }
    }

    public static void applyStylesheets(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(
                TypeScale.class.getResource("/nexttoken/styles/app.css").toExternalForm(),
                TypeScale.class.getResource(theme.stylesheet()).toExternalForm());
    }
}
