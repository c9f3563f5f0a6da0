package dev.hotcold.cli;

import dev.hotcold.cli.flags.TimeoutConverter;
import dev.hotcold.cli.flags.TlsFlags;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.client.ProtocolViolationException;
import dev.hotcold.core.client.ServerErrorException;
import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The book's client against any server that speaks the protocol. */
@Command(name = "play", mixinStandardHelpOptions = true, modelTransformer = PlayCommand.ClientOptionsOnly.class,
        header = "Plays the book's three games against a server.",
        description = {"Plays the book's three games (Effective Python, item 76) against a server and prints the"
                + " book's client transcript; --lower, --upper and --secret play one game instead. The transport"
                + " defaults to blocking.",
                "",
                "Exit status: 0 when every game was won; 1 when the server could not be reached, kept play"
                        + " waiting past --timeout, answered ERROR or broke the protocol (one line on standard"
                        + " error says which); 2 for a bad option.",
                ""})
final class PlayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private TransportChoice transport = new TransportChoice();

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", converter = Flags.Host.class,
            description = "Server address (default: ${DEFAULT-VALUE}).")
    private InetAddress host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1234", converter = Flags.ServerPort.class,
            description = "Server port, 1 to 65535 (default: ${DEFAULT-VALUE}).")
    private int port;

    @Mixin
    private TlsFlags.Client tls = new TlsFlags.Client();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = TimeoutConverter.class,
            description = "How long to wait for the server to accept, then for each reply: seconds or with a "
                    + "unit (0.5, 250ms, 5s, 2m); past it play stops with an error (default: 10 s to "
                    + "connect, 30 s per reply).")
    private Duration timeout;

    @ArgGroup(exclusive = false)
    private OneGame oneGame;

    static final class OneGame {
        @Option(names = "--lower", required = true, paramLabel = "L", description = "Lowest number of the range.")
        long lower;

        @Option(names = "--upper", required = true, paramLabel = "U", description = "Highest number of the range.")
        long upper;

        @Option(names = "--secret", required = true, paramLabel = "S", description = "The number to guess, in the range.")
        long secret;
    }

    /**
     * The shared transport options include {@code --loops}, the NIO server's event loops; a client
     * has no use for it, so play does not take it (picocli then names it as unknown). Nor can play
     * reach a server through the in-memory transport, which connects only inside one process:
     * {@code --transport} offers blocking and nio.
     */
    static final class ClientOptionsOnly implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec play) {
            for (String serverOnly : new String[] {"--loops", "--io"}) {   // the transports' server settings
                OptionSpec option = play.findOption(serverOnly);
                if (option != null) {
                    play.remove(option);
                }
            }
            return TransportChoice.socketsOnly(play, "reaches only a server in the same process, and play's server"
                    + " is another process");
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<BookGames.Spec> games = BookGames.THREE_GAMES;
        if (oneGame != null) {
            if (oneGame.lower > oneGame.upper) {
                throw new ParameterException(spec.commandLine(),
                        "--lower " + oneGame.lower + " is above --upper " + oneGame.upper);
            }
            if (oneGame.secret < oneGame.lower || oneGame.secret > oneGame.upper) {
                throw new ParameterException(spec.commandLine(), "--secret " + oneGame.secret
                        + " is outside --lower " + oneGame.lower + " .. --upper " + oneGame.upper);
            }
            games = List.of(new BookGames.Spec(oneGame.lower, oneGame.upper, oneGame.secret));
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        ClientOptions options = clientOptions();   // a bad TLS file is a flag error before connecting
        try (Transport client = transport.create(TransportChoice.Kind.blocking);
             GameConnection connection = client.client(options).connect(address)) {
            List<Outcome> results = BookGames.play(connection, games, out, () -> {});
            BookGames.printResults(results, out);
            return 0;
        } catch (ProtocolViolationException e) {
            say(err, "the server at " + Addresses.describe(address) + " broke the protocol: " + e.getMessage());
        } catch (ServerErrorException e) {
            say(err, "the server at " + Addresses.describe(address) + " answered ERROR " + e.reason());
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (cause instanceof ClientTimeoutException timedOut) {
                say(err, timedOut.reason() + " (--timeout)");
            } else if (options.tls().isPresent() && closedUnderTls(cause)) {
                // Over TLS 1.3 a server that rejects the client's certificate says so after the
                // client's handshake is done: the client learns it when a write or read fails.
                say(err, "cannot play with " + Addresses.describe(address) + " over TLS: the server closed the connection ("
                        + cause.getMessage() + "); does it require a client certificate, or not trust ours?");
            } else {
                say(err, "cannot play with " + Addresses.describe(address) + ": " + cause.getMessage());
            }
        }
        return 1;
    }

    /**
     * One line on stderr. What the server sent is quoted in it, so characters a terminal would act
     * on (control characters such as an escape or a carriage return, and invisible format
     * characters such as a right-to-left override) are written as escapes, {@code \x1b} and the like.
     */
    private static void say(PrintWriter err, String what) {
        StringBuilder line = new StringBuilder("hotcold: ");
        what.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                line.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        err.println(line);
        err.flush();
    }

    /**
     * Whether a failure of a TLS connection looks like the server closing it after the handshake,
     * as a TLS 1.3 server does when it rejects the client's certificate: a reset, a broken pipe, an
     * alert. The handshake's own failures already say what went wrong.
     */
    private static boolean closedUnderTls(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.startsWith("TLS handshake with")) {
            return false;
        }
        return cause instanceof javax.net.ssl.SSLException || message.contains("Broken pipe")
                || message.contains("Connection reset");
    }

    /** --timeout sets both waits; without it the library's defaults apply. */
    private ClientOptions clientOptions() {
        ClientOptions.Builder options = ClientOptions.builder().tls(tls.config().orElse(null));
        return timeout == null ? options.build() : options.connectTimeout(timeout).replyTimeout(timeout).build();
    }
}
