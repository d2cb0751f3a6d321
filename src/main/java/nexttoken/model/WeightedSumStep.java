package nexttoken.model;

/**
 * f1(x) = x1·w1 + x2·w2 + …: each term kept so a view can write the sum out the way the post does.
 */
public record WeightedSumStep(Values x, Values weights, Values terms, double value) {
}
