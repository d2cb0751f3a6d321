package nexttoken.model;

/**
 * Part 1: f1's value read as a token id, the nearest one chosen.
 *
 * @param index the token whose id is nearest (ties: first in vocabulary order)
 * @param exact true when f1's value equals that id
 */
public record LookupStep(double value, int index, int id, boolean exact) {
}
