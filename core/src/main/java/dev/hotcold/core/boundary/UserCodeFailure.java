package dev.hotcold.core.boundary;

import java.util.Objects;

/**
 * User code threw: {@link #getCause()} is what it threw, {@link Error}s included. Checked, so that
 * every caller of {@link UserCode} decides what the failure means for the game.
 */
public final class UserCodeFailure extends Exception {
    private static final long serialVersionUID = 1L;

    UserCodeFailure(String method, Throwable cause) {
        // The class name only: a throwable's own message is user code too.
        super(method + " threw " + cause.getClass().getName(), Objects.requireNonNull(cause, "cause"), false, false);
    }

    /**
     * Whether the failure ends the connection rather than the game: see {@link UserCode#isFatal}.
     *
     * @return {@code true} for an {@link OutOfMemoryError}
     */
    public boolean isFatal() {
        return UserCode.isFatal(getCause());
    }
}
