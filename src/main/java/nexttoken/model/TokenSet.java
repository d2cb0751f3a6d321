package nexttoken.model;

import java.util.BitSet;
import java.util.stream.IntStream;

/** An immutable set of vocabulary indices, such as the tokens top-k and top-p kept. */
public final class TokenSet {
    private final BitSet bits;
    private final int universe;

    private TokenSet(BitSet bits, int universe) {
        this.bits = bits;
        this.universe = universe;
    }

    static TokenSet owning(BitSet bits, int universe) {
        return new TokenSet(bits, universe);
    }

    public static TokenSet all(int universe) {
        BitSet bits = new BitSet(universe);
        bits.set(0, universe);
        return new TokenSet(bits, universe);
    }

    public boolean contains(int index) {
        return bits.get(index);
    }

    public int size() {
        return bits.cardinality();
    }

    /** How many tokens the vocabulary has, kept or not. */
    public int universe() {
        return universe;
    }

    /** Kept indices in vocabulary order. */
    public IntStream indices() {
        return bits.stream();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSet t && t.universe == universe && t.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode() * 31 + universe;
    }

    @Override
    public String toString() {
        return bits.toString();
    }
}
