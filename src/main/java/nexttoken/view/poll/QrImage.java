package nexttoken.view.poll;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
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
        BitMatrix matrix;
        try {
            // Level M survives a smudged screen or a phone held at an angle; the quiet zone of
            // 4 modules is what the standard asks for so that cameras find the code.
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
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

    /** How many modules wide the code for this text is, quiet zone included. */
    public static int modules(String text) {
        return (int) of(text, 1).getWidth();
    }
}
