package nexttoken.model;

/**
 * Top-k, then top-p on what top-k kept, then the kept tokens renormalized.
 *
 * @param keptByTopK    the tokens top-k kept (all when k is 0 or at least the vocabulary size)
 * @param kept          the tokens that survive both filters
 * @param probabilities renormalized over {@code kept}, 0 for dropped tokens, in vocabulary order
 * @param greedy        the most probable kept token (ties: the larger logit, then the first), found once
 *                      here rather than by a scan of the vocabulary every time a view asks
 */
public record FilterStep(int topK, double topP, TokenSet keptByTopK, TokenSet kept, Values probabilities, int greedy) {

    /** True when neither filter dropped anything. */
    public boolean keepsAll() {
        return kept.size() == kept.universe();
    }
}
