package dev.hotcold.cli.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code load --histogram FILE}: the measured round-trip latencies as an HdrHistogram interval
 * log, one histogram per second of measuring (and the part-second at its end), in nanoseconds.
 * HdrHistogram's own tools read it: {@code HistogramLogProcessor -i FILE} prints the percentile
 * distribution of the whole run or of each interval, and its output plots on the HdrHistogram
 * plotter. The warmup is not in it, as it is not in the summary's figures.
 *
 * <p>The run's thread is the only writer; nothing is written for a run with no flag.
 */
final class LatencyLog implements AutoCloseable {
    /** What a run without {@code --histogram} writes: nothing. */
    static final LatencyLog NONE = new LatencyLog(null, null);

    private final Path file;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private boolean started;

    private LatencyLog(Path file, PrintStream out) {
        this.file = file;
        this.out = out;
        this.writer = out == null ? null : new HistogramLogWriter(out);
    }

    /**
     * Checks that {@code file} can be written before the run starts: a missing directory is named,
     * not found out after the run.
     *
     * @throws IllegalArgumentException naming {@code --histogram} when the file cannot be created
     */
    static LatencyLog create(Path file) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("cannot write the histogram log to " + file + " (--histogram): no directory "
                    + directory);
        }
        try {
            OutputStream stream = Files.newOutputStream(absolute);
            return new LatencyLog(absolute, new PrintStream(stream, false, StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write the histogram log to " + file + " (--histogram): " + e, e);
        }
    }

    /** The header: what the log holds, the measuring's start as the log's base time, the legend. */
    void start(String description, long startMillis) {
        if (writer == null) {
            return;
        }
        writer.outputComment("hotcold load: " + description);
        writer.outputComment("round-trip latency in nanoseconds, one interval per second of measuring; the warmup is left out");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputLegend();
        started = true;
    }

    /** One measured interval, with the start and end time stamps the recorder gave it. */
    void interval(Histogram interval) {
        if (writer != null && started) {
            writer.outputIntervalHistogram(interval);
        }
    }

    /** The file, for the line that says where the log went; null without {@code --histogram}. */
    Path file() {
        return file;
    }

    /**
     * Flushes and closes the file.
     *
     * @throws IOException if something could not be written
     */
    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            if (out.checkError()) {
                throw new IOException("could not write the histogram log to " + file + " (--histogram)");
            }
        }
    }
}
