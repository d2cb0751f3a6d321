package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void topMatchesAFullSortWithTiesInVocabularyOrder() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(300);
            int n = 1 + random.nextInt(20);
            // Few distinct values, so ties are common.
            Values v = Values.generate(size, i -> random.nextInt(12) - 6);
            int[] expected = IntStream.range(0, size).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(v::get).reversed().thenComparingInt(i -> i))
                    .limit(n).mapToInt(Integer::intValue).sorted().toArray();
            assertArrayEquals(expected, Ranking.top(v, n), "size " + size + ", n " + n);
        }
    }

    @Test
    void restSumIsWhatTheShownLeaveOut() {
        Values v = Values.of(0.5, 0.2, 0.2, 0.1);
        assertEquals(0.3, Ranking.restSum(v, Ranking.top(v, 2)), 1e-15);
        assertArrayEquals(new int[] {0, 1, 2, 3}, Ranking.top(v, 10));
    }

    @Test
    void tokensAChartMustShowAreAddedInVocabularyOrder() {
        Values v = Values.of(0.5, 0.01, 0.3, 0.02, 0.17);
        assertArrayEquals(new int[] {0, 1, 2, 3}, Ranking.top(v, 2, 3, 1, -1, 2));
        assertArrayEquals(Ranking.top(v, 2), Ranking.top(v, 2, -1));
    }
}
