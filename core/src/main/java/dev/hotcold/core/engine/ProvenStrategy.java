package dev.hotcold.core.engine;

/**
 * Core's own guess strategies, whose guessers are proven by exhaustive and property tests never
 * to repeat a guess nor leave the range. A session trusts their guesses and keeps no log of them,
 * so their games cost O(1) memory however long they last; every other strategy's guesses are
 * checked against a bounded log. Sealed: no strategy outside core can claim the trust.
 */
public sealed interface ProvenStrategy extends GuessStrategy permits RandomStrategy, HotColdStrategy {}
