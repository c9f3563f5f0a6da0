package dev.hotcold.benchmarks.transport;

import java.util.SplittableRandom;

/** Each client's secrets: seeded, uniform in [1, {@value #UPPER}], a stream of its own per client. */
final class Secrets {
    static final long LOWER = 1;
    static final long UPPER = 100;

    private final SplittableRandom[] perClient;

    Secrets(int clients) {
        SplittableRandom root = new SplittableRandom(100);
        perClient = new SplittableRandom[clients];
        for (int i = 0; i < clients; i++) {
            perClient[i] = root.split();
        }
    }

    /** The next secret of {@code client}; each client is driven by one thread at a time. */
    long next(int client) {
        return perClient[client].nextLong(LOWER, UPPER + 1);
    }
}
