package dev.tether.cli;

import dev.tether.apply.Progress;
import dev.tether.flow.Sizes;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress display on stderr (bytes, files, rate, ETA) for copies over a few MB. */
final class ProgressLine implements Progress {
    static final long THRESHOLD = 4L << 20;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private String what;
    private long totalBytes;
    private long totalFiles;
    private long bytes;
    private long files;
    private long started;
    private long lastDraw;
    private boolean drawn;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public void start(String what, long totalBytes, long totalFiles) {
        this.what = what;
        this.totalBytes = totalBytes;
        this.totalFiles = totalFiles;
        this.bytes = 0;
        this.files = 0;
        this.started = System.nanoTime();
        this.lastDraw = started;
        this.drawn = false;
    }

    @Override
    public void advance(long moreBytes, long moreFiles) {
        bytes += moreBytes;
        files += moreFiles;
        long now = System.nanoTime();
        if (totalBytes >= THRESHOLD && now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = bytes / seconds;
        long eta = rate > 0 && totalBytes > bytes ? (long) ((totalBytes - bytes) / rate) : 0;
        err.print(String.format(Locale.ROOT, "\r  copying %s: %s of %s, %d of %d files, %s/s, ETA %d:%02d   ", what,
                Sizes.human(bytes), Sizes.human(totalBytes), files, totalFiles, Sizes.human((long) rate), eta / 60, eta % 60));
        err.flush();
        drawn = true;
    }

    @Override
    public void finish() {
        if (drawn) {
            draw(System.nanoTime());
            err.println();
        }
    }
}
