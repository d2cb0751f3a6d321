package nexttoken.view;

import javafx.scene.paint.Color;

/**
 * One colour per token, the same in every view. The Okabe–Ito palette stays distinct
 * for the common kinds of colour blindness; its yellow is left out because it vanishes
 * on a white projector screen.
 */
public final class TokenColors {
    private static final Color[] PALETTE = {
            Color.web("#0072B2"), // blue
            Color.web("#E69F00"), // orange
            Color.web("#009E73"), // bluish green
            Color.web("#CC79A7"), // reddish purple
            Color.web("#D55E00"), // vermillion
            Color.web("#56B4E9"), // sky blue
            Color.web("#6B6B6B"), // grey
    };

    /** The same hues lightened for a dark background, where the darker ones would sink. */
    private static final Color[] ON_DARK = {
            Color.web("#5AA9E6"), Color.web("#F5B841"), Color.web("#3CC9A0"), Color.web("#E39AC7"),
            Color.web("#FF8A4C"), Color.web("#8FD3F7"), Color.web("#B8B8B8"),
    };

    // Made once: a new Color per call would count as a change for every label that shows one.
    private static final Color[] PALETTE_TEXT = java.util.Arrays.stream(PALETTE).map(Color::darker).toArray(Color[]::new);

    private TokenColors() {
    }

    public static Color of(int tokenIndex, nexttoken.presenter.Theme theme) {
        Color[] palette = theme == nexttoken.presenter.Theme.DARK ? ON_DARK : PALETTE;
        return palette[Math.floorMod(tokenIndex, palette.length)];
    }

    /** For text on the theme's background: darker on light themes, as is on dark. */
    public static Color text(int tokenIndex, nexttoken.presenter.Theme theme) {
        return theme == nexttoken.presenter.Theme.DARK ? of(tokenIndex, theme)
                : PALETTE_TEXT[Math.floorMod(tokenIndex, PALETTE_TEXT.length)];
    }

    /**
     * Writes a label in a token's colour so that it stays so. A plain setTextFill does not:
     * modena colours every ".label" from -fx-background, which the theme sets in an author
     * stylesheet, and that outranks a setter at the next CSS pass (a theme switch, a zoom).
     */
    public static void paintText(javafx.scene.control.Labeled label, Color colour) {
        label.getStyleClass().remove("label");
        label.setTextFill(colour);
    }

    private static final String[] PALETTE_CSS = java.util.Arrays.stream(PALETTE).map(TokenColors::hex).toArray(String[]::new);
    private static final String[] ON_DARK_CSS = java.util.Arrays.stream(ON_DARK).map(TokenColors::hex).toArray(String[]::new);

    public static String css(int tokenIndex, nexttoken.presenter.Theme theme) {
        String[] css = theme == nexttoken.presenter.Theme.DARK ? ON_DARK_CSS : PALETTE_CSS;
        return css[Math.floorMod(tokenIndex, css.length)];
    }

    /** The whole palette as CSS colours, for a page (the class poll's phones) that colours tokens by index. */
    public static java.util.List<String> cssPalette(nexttoken.presenter.Theme theme) {
        return java.util.List.of(theme == nexttoken.presenter.Theme.DARK ? ON_DARK_CSS : PALETTE_CSS);
    }

    private static String hex(Color c) {
        return String.format("#%02X%02X%02X", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
