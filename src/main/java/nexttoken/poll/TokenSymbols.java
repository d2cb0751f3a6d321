package nexttoken.poll;

import java.util.List;

/**
 * A symbol for each token beside its colour, so that a student who cannot tell the colours
 * apart still finds the token on the projector from the one on the phone. Eleven symbols
 * against the palette's seven colours: the pair repeats only after 77 tokens.
 */
public final class TokenSymbols {
    public static final List<String> SYMBOLS = List.of("●", "■", "▲", "◆", "★", "✚", "▼", "♥", "♣", "♠", "✖");

    private TokenSymbols() {
    }

    public static String of(int tokenIndex) {
        return SYMBOLS.get(Math.floorMod(tokenIndex, SYMBOLS.size()));
    }
}
