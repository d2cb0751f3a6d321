package nexttoken.view.poll;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** The poll's address as a QR code (ZXing), drawn module by module into an image: sharp at any size on a projector. */
public final class QrImage {
    private QrImage() {
    }

    /**
     * @param pixelsPerModule each module's side; a whole number, so no module is blurred or
     *                        lost when the projector scales (the image view must not smooth)
     */
    public static WritableImage of(String text, int pixelsPerModule) {
        BitMatrix matrix = readableMatrix(text, pixelsPerModule);
        int modules = matrix.getWidth();
        int side = modules * pixelsPerModule;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels.setColor(x, y, matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }

    /**
     * The code's modules, checked with ZXing's own reader at the size they are drawn. The writer
     * picks the mask pattern with the lowest penalty score, and with that mask about one link
     * in 300 (one in 30 when the text carries a UTF-8 marker) cannot be found by the reader in
     * a clean image of it: the detector locks onto a wrong grid. Then the next mask is tried.
     */
    static BitMatrix readableMatrix(String text, int pixelsPerModule) {
        BitMatrix chosen = encode(text, null);
        if (reads(chosen, pixelsPerModule, text)) {
            return chosen;
        }
        for (int mask = 0; mask < 8; mask++) {
            BitMatrix other = encode(text, mask);
            if (reads(other, pixelsPerModule, text)) {
                return other;
            }
        }
        return chosen;
    }

    static BitMatrix encode(String text, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        // Level M survives a smudged screen or a phone held at an angle; the quiet zone of
        // 4 modules is what the standard asks for so that cameras find the code.
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        // A link is ASCII, which the default encoding writes byte for byte; naming UTF-8 would
        // add a marker some readers stumble on. Only other text needs it.
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    /** Whether ZXing's reader, as a phone's scanner app runs it, finds {@code text} in the drawn code. */
    static boolean reads(BitMatrix matrix, int pixelsPerModule, String text) {
        int side = matrix.getWidth() * pixelsPerModule;
        int[] argb = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                argb[y * side + x] = matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        try {
            return text.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(side, side, argb)))).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

}
