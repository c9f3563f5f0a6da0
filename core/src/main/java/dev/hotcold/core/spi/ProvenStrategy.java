package dev.hotcold.core.spi;

/**
 * Marks core's own guess strategies, whose guessers are proven by exhaustive and property tests
 * never to repeat a guess nor leave the range. A session trusts their guesses and keeps no log of
 * them, so their games cost O(1) memory however long they last; every other strategy's guesses
 * are checked against a bounded log. Not for implementing outside core: in a named module this
 * package is not exported to applications at all.
 */
public interface ProvenStrategy {}
