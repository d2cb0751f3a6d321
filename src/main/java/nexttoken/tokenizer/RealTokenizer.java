package nexttoken.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a real model cuts text: OpenAI's cl100k_base and o200k_base byte-pair encodings,
 * through jtokkit, whose vocabularies ship inside its jar (no network).
 */
public final class RealTokenizer {
    /** The encodings a class can compare. */
    public enum Kind {
        CL100K("cl100k_base", EncodingType.CL100K_BASE),
        O200K("o200k_base", EncodingType.O200K_BASE);

        private final String label;
        private final EncodingType type;

        Kind(String label, EncodingType type) {
            this.label = label;
            this.type = type;
        }

        public String label() {
            return label;
        }
    }

    /** One piece of the text and its id; {@code text} is shown with visible spaces. */
    public record Piece(String text, int id) {
    }

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private RealTokenizer() {
    }

    public static List<Piece> encode(String text, Kind kind) {
        Encoding encoding = REGISTRY.getEncoding(kind.type);
        IntArrayList ids = encoding.encodeOrdinary(text);
        List<Piece> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(new Piece(visible(bytesOf(encoding, ids.get(i))), ids.get(i)));
        }
        return out;
    }

    /** The bytes of one token, or null for an id the encoding does not have. */
    static byte[] bytesOf(Encoding encoding, int id) {
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        try {
            return encoding.decodeBytes(one);
        } catch (RuntimeException unknownId) {
            return null;
        }
    }

    /**
     * A token as a word a class can read and a lesson file can hold: a leading space is the
     * "▁" real tokenizers' vocabularies show, new lines and tabs get symbols, and bytes that
     * are only part of a UTF-8 character (a token may end inside "í") are written as <0xC3>.
     */
    public static String visible(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException partial) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("<0x%02X>", b & 0xFF));
            }
            return hex.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                out.append('▁');
            } else if (c == '\n') {
                out.append('↵');
            } else if (c == '\t') {
                out.append('⇥');
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(String.format("<U+%04X>", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Every token of an encoding, in id order, as {@link #visible} writes it; ids it lacks are skipped. */
    public static List<Piece> vocabulary(Kind kind) {
        Encoding encoding = REGISTRY.getEncoding(kind.type);
        List<Piece> out = new ArrayList<>(kind == Kind.CL100K ? 100_256 : 200_000);
        int misses = 0;
        for (int id = 0; misses < 1000; id++) {
            byte[] bytes = bytesOf(encoding, id);
            if (bytes == null) {
                misses++;
                continue;
            }
            misses = 0;
            out.add(new Piece(visible(bytes), id));
        }
        return out;
    }
}
