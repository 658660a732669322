package dev.strato.cli;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.StackEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows a deploy's progress on stderr (stdout keeps the result): on a terminal an upload bar with
 * bytes and rate, redrawn in place; otherwise plain lines only.
 */
final class ProgressPrinter implements ProgressListener {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Console console;
    private final boolean terminal;
    private final AtomicLong sent = new AtomicLong();
    private volatile long total;
    private volatile int artifacts;
    private volatile long started;
    private volatile long lastDrawn;

    ProgressPrinter(Console console, boolean terminal) {
        this.console = console;
        this.terminal = terminal;
    }

    @Override
    public void uploadStarted(int count, long bytes) {
        artifacts = count;
        total = bytes;
        sent.set(0);
        started = System.nanoTime();
        if (!terminal)
            line("Uploading " + count + (count == 1 ? " artifact" : " artifacts") + " (" + Sizes.bytes(bytes) + ")");
    }

    @Override
    public void uploaded(long bytes) {
        sent.addAndGet(bytes);
        long now = System.nanoTime();
        if (terminal && now - lastDrawn > REDRAW_NANOS) {
            lastDrawn = now;
            draw();
        }
    }

    @Override
    public void uploadFinished() {
        if (terminal) {
            draw();
            console.err().println();
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        line("Uploaded " + artifacts + (artifacts == 1 ? " artifact" : " artifacts") + " (" + Sizes.bytes(total)
                + ") in " + String.format(java.util.Locale.ROOT, "%.1f s", seconds) + ", "
                + Sizes.rate(total / seconds));
    }

    private synchronized void draw() {
        long done = Math.min(sent.get(), total);
        int filled = total == 0 ? BAR : (int) (BAR * done / total);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        console.err()
                .print("\r  Uploading [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + Sizes.bytes(done)
                        + " / " + Sizes.bytes(total) + "  " + Sizes.rate(done / seconds) + "   ");
        console.err().flush();
    }

    @Override
    public void event(StackEvent e) {
        String status = e.failed()
                ? console.red(e.status())
                : e.status().endsWith("_COMPLETE") ? console.green(e.status()) : console.yellow(e.status());
        String reason = e.reason() == null || e.reason().isBlank() ? "" : "  " + e.reason();
        line((e.time() == null ? "--:--:--" : TIME.format(e.time())) + "  " + status + "  " + e.logicalId()
                + (e.type() == null ? "" : "  " + e.type()) + reason);
    }

    @Override
    public void step(String message) {
        line(message);
    }

    private synchronized void line(String text) {
        console.err().println(text);
        console.err().flush();
    }
}
