package nexttoken.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.InputKind;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;

/** A child process that saves two large lessons over one file, in turn, until it is killed. */
public final class SaveLoop {
    private SaveLoop() {
    }

    /** A lesson big enough that writing it takes a while: a kill lands mid-write often. */
    public static Lesson big(int variant) {
        int n = 40_000;
        List<String> tokens = new ArrayList<>(n);
        int[] ids = new int[n];
        double[][] e = new double[n][2];
        double[] f2 = new double[n];
        for (int i = 0; i < n; i++) {
            tokens.add("w" + i);
            ids[i] = i;
            e[i][0] = Math.sin(i + variant) * 0.123456789;
            e[i][1] = Math.cos(i * variant) * 0.987654321;
            f2[i] = (i % 7) * 0.1 + variant;
        }
        return new Lesson("variant " + variant, "en", null, Vocabulary.of(tokens, ids, e), List.of("w1", "w2"),
                InputKind.EMBEDDINGS, Values.of(1, 0.5, 1.5, 1), Values.of(f2), Normalization.SOFTMAX, 1.0, 0, 1.0, 1L,
                List.of());
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Lesson[] lessons = {big(1), big(2)};
        System.out.println("ready");
        System.out.flush();
        for (int k = 0; ; k++) {
            LessonWriter.write(lessons[k % 2], target);
        }
    }
}
