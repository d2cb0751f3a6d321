package nexttoken.model;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.stream.DoubleStream;

/**
 * An immutable vector of doubles. The steps of a trace hand these to views and
 * exporters, which must not be able to change what the model computed; copying a
 * {@code double[]} on every read would cost too much at 100,000 tokens.
 */
public final class Values {
    private static final Values EMPTY = new Values(new double[0]);

    private final double[] data;

    private Values(double[] data) {
        this.data = data;
    }

    public static Values of(double... values) {
        return values.length == 0 ? EMPTY : new Values(values.clone());
    }

    /** Takes ownership of an array the caller has just filled and will not touch again. */
    static Values wrap(double[] values) {
        return new Values(values);
    }

    public static Values generate(int size, IntToDoubleFunction f) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = f.applyAsDouble(i);
        }
        return new Values(out);
    }

    public double get(int i) {
        return data[i];
    }

    public int size() {
        return data.length;
    }

    public double[] toArray() {
        return data.clone();
    }

    public DoubleStream stream() {
        return Arrays.stream(data);
    }

    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    public boolean allFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the largest value; the first one wins a tie, as vocabulary order breaks ties everywhere. */
    public int argmax() {
        int best = 0;
        for (int i = 1; i < data.length; i++) {
            if (data[i] > data[best]) {
                best = i;
            }
        }
        return best;
    }

    public Values with(int index, double value) {
        double[] copy = data.clone();
        copy[index] = value;
        return new Values(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Values v && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Arrays.toString(data);
    }
}
