package nexttoken.view.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The poll's code is read by ZXing's own reader at the size the board draws it, whatever the link. */
class QrImageTest {
    /** PollBoard's size. */
    private static final int PIXELS_PER_MODULE = 8;

    @Test
    void linksTheWritersOwnChoiceOfMaskLeavesUnreadableAreRead() {
        // Found by encoding random poll links: with the mask the writer picks, ZXing's reader
        // finds no code in these clean images (the UI test that read the projector's code
        // failed on one such port in CI).
        for (String link : List.of("http://127.0.0.1:57226/vsyq9e", "http://127.0.0.1:54778/8bw6ee",
                "http://127.0.0.1:34808/r9m2hn")) {
            assertFalse(QrImage.reads(QrImage.encode(link, null), PIXELS_PER_MODULE, link), "the premise: " + link);
            assertTrue(QrImage.reads(QrImage.readableMatrix(link, PIXELS_PER_MODULE), PIXELS_PER_MODULE, link), link);
        }
    }

    @Test
    void everyOneOfAThousandPollLinksIsRead() {
        Random random = new Random(20261203);
        String alphabet = "23456789abcdefghijkmnpqrstuvwxyz";
        List<String> unread = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String host = n % 3 == 0 ? "127.0.0.1" : "192.168." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            String link = "http://" + host + ":" + (1024 + random.nextInt(64511)) + "/" + code;
            if (!QrImage.reads(QrImage.readableMatrix(link, PIXELS_PER_MODULE), PIXELS_PER_MODULE, link)) {
                unread.add(link);
            }
        }
        assertEquals(List.of(), unread);
    }

    @Test
    void textBeyondAsciiKeepsItsCharacters() {
        String text = "http://aula-frío.local:8080/azul";
        BitMatrix matrix = QrImage.readableMatrix(text, PIXELS_PER_MODULE);
        assertTrue(QrImage.reads(matrix, PIXELS_PER_MODULE, text));
    }
}
