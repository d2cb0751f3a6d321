package nexttoken.model;

import java.util.List;

/**
 * Self-attention over the n words read, every intermediate kept so that a view or a
 * report can write each number out as a substitution (contracts.md, "Attention lessons").
 * Row j of each matrix belongs to the j-th word read (position j).
 *
 * @param embeddings   each word's embedding, n × d
 * @param positions    PE(j), n × d; null for {@code "positions": "none"}
 * @param inputs       xⱼ = embedding + PE(j), n × d
 * @param heads        one per head, in the lesson's order
 * @param concatenated the heads' outputs for the last word, one after another
 * @param output       concatenated · W_O (the identity when the lesson has no W_O)
 * @param residual     r = x₍ₙ₋₁₎ + output, or output alone without the residual
 * @param feedForward  null when the lesson has none
 * @param h            r + f with the feed-forward step, r without: what f2 reads
 */
public record AttentionStep(
        Matrix embeddings,
        Matrix positions,
        Matrix inputs,
        List<HeadStep> heads,
        Values concatenated,
        Values output,
        Values residual,
        FeedForwardStep feedForward,
        Values h) {

    public AttentionStep {
        heads = List.copyOf(heads);
    }

    /** How many words were read. */
    public int length() {
        return inputs.rows();
    }

    /**
     * One head. The causal rows hold, for the word looking (row i), one number per word it
     * may look at (j ≤ i); later words are masked: left out of the softmax, not set to 0.
     *
     * @param queries, keys, values qⱼ = xⱼ·Wq, kⱼ = xⱼ·Wk, vⱼ = xⱼ·Wv
     * @param dots     qᵢ · kⱼ
     * @param scale    √dk, what each dot product is divided by
     * @param scores   sᵢⱼ = (qᵢ · kⱼ) / √dk
     * @param weights  aᵢ = softmax over j ≤ i of sᵢⱼ
     * @param outputs  row i is Σⱼ≤ᵢ aᵢⱼ vⱼ, word i's weighted sum: only the last one goes on to W_O, but a
     *                 class asks what a head gives for an earlier word too
     */
    public record HeadStep(Matrix queries, Matrix keys, Matrix values, List<Values> dots, double scale,
                           List<Values> scores, List<Values> weights, List<Values> outputs) {
        public HeadStep {
            dots = List.copyOf(dots);
            scores = List.copyOf(scores);
            weights = List.copyOf(weights);
            outputs = List.copyOf(outputs);
        }

        /** Σⱼ a₍ₙ₋₁₎ⱼ vⱼ, the last word's weighted sum: the one the heads hand on to W_O. */
        public Values output() {
            return outputs.get(outputs.size() - 1);
        }

        /** Σⱼ≤ᵢ aᵢⱼ vⱼ, the weighted sum of the word at position i. */
        public Values output(int i) {
            return outputs.get(i);
        }

        /** Row i's weights added left to right: 1 up to rounding, what the map shows at the row's end. */
        public double weightSum(int i) {
            Values row = weights.get(i);
            double sum = 0;
            for (int j = 0; j < row.size(); j++) {
                sum += row.get(j);
            }
            return sum;
        }
    }

    /**
     * @param preActivation z = r·W1 + b1
     * @param hidden        u = ReLU(z)
     * @param output        f = u·W2 + b2
     */
    public record FeedForwardStep(Values preActivation, Values hidden, Values output) {
    }
}
