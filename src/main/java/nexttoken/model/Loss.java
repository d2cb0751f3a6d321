package nexttoken.model;

/** Cross-entropy, −log p(target): how surprised the model is by the right answer. */
public final class Loss {
    private Loss() {
    }

    /**
     * −log softmax(logits / T)[target] through log-sum-exp, so that logits in the
     * thousands (an ids lesson) give a finite loss instead of −log 0.
     */
    public static double softmaxCrossEntropy(Values logits, int target, double temperature) {
        double max = logits.get(logits.argmax());
        double sum = 0;
        for (int i = 0; i < logits.size(); i++) {
            sum += Math.exp((logits.get(i) - max) / temperature);
        }
        return (max - logits.get(target)) / temperature + Math.log(sum);
    }

    /**
     * The loss of {@code target} under the trace's own normalization; NaN never comes
     * out: an undefined loss (norm giving the target 0, T = 0 missing it) is infinite,
     * and callers show that as "no finite loss".
     */
    public static double ofTrace(Trace trace, int target) {
        NormalizationStep n = trace.normalization();
        if (n == null) {
            throw new IllegalStateException("trace has no probabilities");
        }
        if (n.method() == Normalization.SOFTMAX && !n.greedy()) {
            return softmaxCrossEntropy(trace.f2().logits(), target, n.temperature());
        }
        double p = n.probabilities().get(target);
        return p > 0 ? -Math.log(p) : Double.POSITIVE_INFINITY;
    }
}
