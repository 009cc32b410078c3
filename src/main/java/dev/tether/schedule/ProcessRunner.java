package dev.tether.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs programs for real, each with a time limit, reading its output while it runs so a full pipe cannot stall it. */
public final class ProcessRunner implements CommandRunner {
    private static final long TIMEOUT_SECONDS = 60;
    private final List<String> prefix;

    public ProcessRunner() {
        this(List.of());
    }

    /** Puts {@code prefix} before every command: a test runs them as another user with {@code runuser -u NAME --}. */
    public ProcessRunner(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    @Override
    public Result run(List<String> argv, String stdin) throws IOException {
        List<String> full = new java.util.ArrayList<>(prefix);
        full.addAll(argv);
        Process p = new ProcessBuilder(full).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the program did not read its input (it needed none); its exit code tells the rest
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running " + String.join(" ", argv), e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + String.join(" ", argv), e.getCause());
        }
    }

    private static String drain(InputStream s) {
        try (s) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
