package dev.tether.schedule;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Linux without a systemd user manager: tether's marked block in the user's crontab, read with
 * {@code crontab -l} and written back whole with {@code crontab -}; every other line stays as it was.
 */
public record CrontabBackend(CommandRunner runner) implements Backend {
    @Override
    public String id() {
        return "crontab";
    }

    @Override
    public String where() {
        return "the user's crontab (crontab -l)";
    }

    @Override
    public void install(JobCommand command, Schedule schedule) throws IOException {
        String current = read();
        String next = CrontabBlock.apply(current, Optional.of(CrontabBlock.render(command, schedule)));
        if (!next.equals(current)) {
            write(next);
        }
    }

    @Override
    public void remove() throws IOException {
        String current = read();
        if (CrontabBlock.find(current).isPresent()) {
            write(CrontabBlock.apply(current, Optional.empty()));
        }
    }

    @Override
    public boolean installed() throws IOException {
        return CrontabBlock.find(read()).isPresent();
    }

    /** The user's crontab; empty when they have none ({@code crontab -l} exits 1 saying "no crontab for ..."). */
    String read() throws IOException {
        CommandRunner.Result r;
        try {
            r = runner.run("crontab", "-l");
        } catch (IOException e) {
            throw new IOException("cannot run crontab (" + e.getMessage() + "); install cron (Debian, Ubuntu: apt-get install"
                    + " cron) or use a systemd user session", e);
        }
        if (r.ok()) {
            return r.stdout();
        }
        if (r.stderr().toLowerCase(java.util.Locale.ROOT).contains("no crontab")) {
            return "";
        }
        throw CommandRunner.failed(List.of("crontab", "-l"), r);
    }

    private void write(String crontab) throws IOException {
        CommandRunner.Result r = runner.run(List.of("crontab", "-"), crontab);
        if (!r.ok()) {
            throw CommandRunner.failed(List.of("crontab", "-"), r);
        }
    }
}
