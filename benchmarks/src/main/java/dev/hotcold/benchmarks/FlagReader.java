package dev.hotcold.benchmarks;

import java.util.Set;

/**
 * Walks the arguments of the benchmark jar's own commands ({@code netty-server},
 * {@code plain-server}, {@code chart}, {@code scrape-chart}): each flag with its value, or alone
 * for the switches that take none, and {@code --help} or {@code -h}.
 *
 * <pre>{@code
 * FlagReader flags = new FlagReader(args, Set.of("--table"));
 * while (flags.next()) {
 *     if (flags.isHelp()) { ... print the usage, return 0 ... }
 *     switch (flags.flag()) {
 *         case "--table" -> table = true;
 *         case "--port" -> port = ...flags.value()...;
 *         default -> throw new IllegalArgumentException("unknown option " + flags.flag());
 *     }
 * }
 * }</pre>
 */
public final class FlagReader {
    private final String[] args;
    private final Set<String> switches;
    private int next;
    private String flag;
    private String value;

    /**
     * @param args the command's arguments
     * @param switches the flags that take no value
     */
    public FlagReader(String[] args, Set<String> switches) {
        this.args = args;
        this.switches = switches;
    }

    /**
     * Moves to the next flag.
     *
     * @return false once every argument was read
     * @throws IllegalArgumentException naming the flag, if it needs a value and is the last argument
     */
    public boolean next() {
        if (next == args.length) {
            return false;
        }
        flag = args[next++];
        value = null;
        if (isHelp() || switches.contains(flag)) {
            return true;
        }
        if (next == args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        value = args[next++];
        return true;
    }

    /** @return whether the current flag asks for the usage: {@code --help} or {@code -h} */
    public boolean isHelp() {
        return flag.equals("--help") || flag.equals("-h");
    }

    /** @return the current flag, as written */
    public String flag() {
        return flag;
    }

    /** @return the current flag's value; null for a switch */
    public String value() {
        return value;
    }
}
