/**
 * The strategy lab: plays a {@link dev.hotcold.core.engine.GuessStrategy} in memory against the
 * {@link dev.hotcold.core.scoring.Adversary}, every secret of a range, secrets drawn at random or
 * reports drawn at random, and measures its guesses ({@link dev.hotcold.core.lab.Duel}). What
 * {@code ./hotcold duel} and the test kit's strategy checks run on. Above {@code engine},
 * {@code scoring} and {@code boundary}, through which it calls the strategy.
 */
package dev.hotcold.core.lab;
