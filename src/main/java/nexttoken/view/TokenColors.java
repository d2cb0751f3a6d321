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

    private TokenColors() {
    }

    public static Color of(int tokenIndex) {
        return PALETTE[Math.floorMod(tokenIndex, PALETTE.length)];
    }

    public static String css(int tokenIndex) {
        Color c = of(tokenIndex);
        return String.format("#%02X%02X%02X", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
