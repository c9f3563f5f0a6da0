package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

/**
 * What user code throws, for tests of the boundary between hotcold and it: everything a listener
 * or strategy can throw, not just the exceptions a careful author would.
 */
public enum UserFailure {
    /** A plain bug. */
    RUNTIME_EXCEPTION {
        @Override
        void raise(String where) {
            throw new IllegalStateException("user code bug in " + where);
        }
    },
    /** What a JUnit assertion inside a listener throws: an {@link AssertionError}. */
    ASSERTION_ERROR {
        @Override
        void raise(String where) {
            assertEquals("expected", "actual", "a test's assertion inside " + where);
        }
    },
    /** A real stack overflow, from runaway recursion. */
    STACK_OVERFLOW {
        @Override
        void raise(String where) {
            recurse(0);
        }
    },
    /** A checked exception that the signature does not declare, thrown sneakily as some libraries do. */
    UNDECLARED_CHECKED_EXCEPTION {
        @Override
        void raise(String where) {
            UserFailure.<RuntimeException>sneaky(new IOException("undeclared, from " + where));
        }
    };

    /**
     * Throws this kind of failure.
     *
     * @param where names the callback, for the message
     */
    abstract void raise(String where);

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable failure) throws T {
        throw (T) failure;
    }
}
