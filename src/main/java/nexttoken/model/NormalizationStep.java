package nexttoken.model;

/**
 * Logits turned into probabilities.
 *
 * @param temperatureIgnored true under norm, where dividing every logit by T cancels out
 * @param greedy             true when T = 0 under softmax: all probability on the largest logit
 * @param sum                what norm divided by (the sum of the logits), or softmax's sum of exp((l − max)/T)
 */
public record NormalizationStep(
        Normalization method,
        double temperature,
        Values probabilities,
        double sum,
        boolean temperatureIgnored,
        boolean greedy) {
}
