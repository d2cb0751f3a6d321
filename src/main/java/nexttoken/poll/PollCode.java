package nexttoken.poll;

import java.security.SecureRandom;

/**
 * The random part of a poll's address. A code keeps a curious neighbour class from voting
 * by guessing the address; it is typed by hand when a camera cannot read the QR code, so
 * letters and digits that look alike (0 o, 1 l i) are left out.
 */
public final class PollCode {
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    public static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PollCode() {
    }

    public static String random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
