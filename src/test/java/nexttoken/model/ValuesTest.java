package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chunked storage reads, sums and compares exactly as one plain array would, on both sides of a chunk edge. */
class ValuesTest {
    private static final int[] SIZES = {0, 1, 2, Values.CHUNK - 1, Values.CHUNK, Values.CHUNK + 1, 3 * Values.CHUNK, 100_000};

    @Test
    void chunkedVectorsBehaveLikeOneArray() {
        Random random = new Random(20261122);
        for (int size : SIZES) {
            double[] plain = new double[size];
            for (int i = 0; i < size; i++) {
                plain[i] = random.nextGaussian() * 1e3;
            }
            Values v = Values.of(plain);
            assertEquals(size, v.size());
            assertArrayEquals(plain, v.toArray());
            assertArrayEquals(plain, v.stream().toArray());
            double sum = 0;
            int argmax = 0;
            for (int i = 0; i < size; i++) {
                assertEquals(plain[i], v.get(i));
                sum += plain[i];
                if (plain[i] > plain[argmax]) {
                    argmax = i;
                }
            }
            assertEquals(sum, v.sum(), "summed in the same order, to the last bit");
            assertEquals(argmax, v.argmax());
            assertEquals(v, Values.generate(size, i -> plain[i]));
            assertEquals(v.hashCode(), Values.generate(size, i -> plain[i]).hashCode());
            assertThrows(IndexOutOfBoundsException.class, () -> v.get(size));
            assertThrows(IndexOutOfBoundsException.class, () -> v.get(-1));
            if (size > 0) {
                int last = size - 1;
                Values changed = v.with(last, 7.5);
                assertEquals(7.5, changed.get(last));
                assertEquals(plain[last], v.get(last), "the original is untouched");
                assertNotEquals(v, changed);
            }
        }
    }

    @Test
    void longVectorsAreStoredInChunksSmallerThanAHumongousObject() {
        assertEquals(1, Values.of(new double[Values.CHUNK]).chunkCount());
        assertEquals(4, Values.generate(100_000, i -> i).chunkCount());
        // G1's humongous threshold is half a region, and regions are at least 1 MB.
        assertTrue(Values.CHUNK * Double.BYTES <= 512 * 1024);
    }

    @Test
    void argmaxTakesTheFirstOfEqualValuesAcrossChunks() {
        Values v = Values.generate(2 * Values.CHUNK + 5, i -> i == 3 || i == Values.CHUNK + 2 ? 9 : 0);
        assertEquals(3, v.argmax());
        assertTrue(v.allFinite());
        assertFalse(v.with(Values.CHUNK + 1, Double.NaN).allFinite());
    }

    @Test
    void aComputedVectorReadsSumsAndComparesAsItsStoredCopy() {
        Values base = Values.generate(Values.CHUNK + 10, i -> Math.sin(i) * 100);
        Values computed = Values.computed(base.size(), i -> Math.exp(base.get(i) / 50) / 3);
        Values stored = computed.stored();
        assertTrue(computed.isComputed());
        assertFalse(stored.isComputed());
        assertEquals(stored, computed);
        assertEquals(computed, stored);
        assertEquals(stored.hashCode(), computed.hashCode());
        assertEquals(stored.sum(), computed.sum());
        assertEquals(stored.argmax(), computed.argmax());
        assertArrayEquals(stored.toArray(), computed.toArray());
        assertArrayEquals(stored.toArray(), computed.stream().toArray());
        assertEquals(stored.with(3, 1), computed.with(3, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> computed.get(computed.size()));
    }

    /** softmax and f2 make their vectors as formulas: not one array as long as the vocabulary per slider move. */
    @Test
    void aSliderMoveAllocatesNoVocabularySizedArray() {
        Lesson lesson = LessonFixtures.part(3);
        Trace t = Composition.compute(lesson);
        assertTrue(t.f2().logits().isComputed());
        assertTrue(t.normalization().probabilities().isComputed(), "softmax too: exponents summed, not kept");
        Trace norm = Composition.compute(LessonFixtures.part(2));
        assertTrue(norm.normalization().probabilities().isComputed());
        Trace topK = Composition.compute(lesson.withTopK(2));
        assertTrue(topK.filter().probabilities().isComputed());
        assertTrue(topK.normalization().probabilities().isComputed(), "a filter reads only the kept ones, once");
        Trace topP = Composition.compute(lesson.withTopP(0.9));
        assertTrue(topP.normalization().probabilities().isComputed());
        assertTrue(topP.filter().probabilities().isComputed());
    }
}
