package dev.hotcold.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * {@code serve --jfr FILE}: a JDK Flight Recorder recording with the JDK's {@code default} settings
 * and hotcold's events (the per-round-trip one stays off, as by default), written to the file when
 * the server stops, as {@code -XX:StartFlightRecording:filename=FILE} would.
 */
final class FlightRecording implements AutoCloseable {
    private final Recording recording;
    private final Path file;

    private FlightRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /**
     * Starts recording for {@code file}, which must be creatable now: a mistyped directory is
     * reported before the server starts, not lost when it stops.
     *
     * @throws IOException naming {@code --jfr} and the file, if it cannot be written
     */
    static FlightRecording start(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("cannot write the flight recording to " + file + " (--jfr): no directory " + directory);
        }
        if (Files.isDirectory(absolute) || (Files.exists(absolute) && !Files.isWritable(absolute))
                || !Files.isWritable(directory)) {
            throw new IOException("cannot write the flight recording to " + file + " (--jfr): not a writable file");
        }
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("default"));
        } catch (ParseException e) {
            throw new IOException("the JDK's default flight recorder settings cannot be read", e);
        }
        recording.setName("hotcold serve");
        recording.setToDisk(true);
        recording.setDestination(absolute);
        recording.start();
        return new FlightRecording(recording, absolute);
    }

    /** Where the recording goes. */
    Path file() {
        return file;
    }

    /**
     * Stops recording: the JDK writes the file. If the JVM is shutting down, the JDK's own flight
     * recorder hook may have stopped the recording and written the file first; then there is
     * nothing left to do.
     */
    @Override
    public void close() {
        try {
            recording.stop();   // with a destination set, this writes the file
        } catch (IllegalStateException alreadyStopped) {
            // stopped (and written) by the JDK's shutdown hook
        }
        recording.close();
    }
}
