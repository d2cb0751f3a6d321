package nexttoken.model;

import java.util.Arrays;

/**
 * An immutable matrix of doubles, a list of rows as lesson files write it. Vectors are
 * rows, so {@code x W} is the row vector x times W: {@link #timesRow}.
 */
public final class Matrix {
    private final int rows;
    private final int columns;
    /** Row after row. */
    private final double[] data;

    private Matrix(int rows, int columns, double[] data) {
        this.rows = rows;
        this.columns = columns;
        this.data = data;
    }

    /** A copy of {@code rows}, which must all have one length. */
    public static Matrix of(double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("rows differ in length");
            }
            System.arraycopy(rows[r], 0, data, r * columns, columns);
        }
        return new Matrix(rows.length, columns, data);
    }

    public static Matrix identity(int size) {
        double[] data = new double[size * size];
        for (int i = 0; i < size; i++) {
            data[i * size + i] = 1;
        }
        return new Matrix(size, size, data);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        return data[row * columns + column];
    }

    public double[] row(int row) {
        return Arrays.copyOfRange(data, row * columns, (row + 1) * columns);
    }

    public Values rowValues(int row) {
        return Values.wrap(row(row));
    }

    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /** The same matrix with one entry changed (a dragged weight). */
    public Matrix with(int row, int column, double value) {
        double[] copy = data.clone();
        copy[row * columns + column] = value;
        return new Matrix(rows, columns, copy);
    }

    /** Every entry minus {@code rate} times the same entry of {@code gradient}: one step of gradient descent. */
    public Matrix minus(double rate, Matrix gradient) {
        double[] copy = new double[data.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = data[i] - rate * gradient.data[i];
        }
        return new Matrix(rows, columns, copy);
    }

    /** (x W)[c] = Σₖ x[k]·W[k][c], summed in k order as the products are written out. */
    public double[] timesRow(double[] x) {
        if (x.length != rows) {
            throw new IllegalArgumentException("x has " + x.length + " numbers, the matrix " + rows + " rows");
        }
        double[] out = new double[columns];
        for (int c = 0; c < columns; c++) {
            double sum = 0;
            for (int k = 0; k < rows; k++) {
                sum += x[k] * get(k, c);
            }
            out[c] = sum;
        }
        return out;
    }

    public boolean allFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.columns == columns && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toArray());
    }
}
