package dev.tether.schedule;

import dev.tether.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Windows: a task {@code tether-backup} in the user's Task Scheduler, created from XML with
 * {@code schtasks /Create /XML FILE /TN tether-backup /F} (replacing an earlier one; a task that runs as
 * its creator only while logged on needs no administrator rights) and removed with {@code schtasks /Delete}.
 * The XML is written to {@code xmlFile} (in the state dir) for schtasks to read, and left there to show what was installed.
 */
public record TaskSchedulerBackend(Path xmlFile, LocalDate today, CommandRunner runner) implements Backend {
    @Override
    public String id() {
        return "task-scheduler";
    }

    @Override
    public String where() {
        return "Task Scheduler task " + TaskXml.TASK_NAME;
    }

    @Override
    public void install(JobCommand command, Schedule schedule) throws IOException {
        AtomicFiles.write(xmlFile, TaskXml.bytes(TaskXml.render(command, schedule, today)));
        List<String> create = List.of("schtasks", "/Create", "/XML", xmlFile.toString(), "/TN", TaskXml.TASK_NAME, "/F");
        CommandRunner.Result r = runner.run(create, "");
        if (!r.ok()) {
            throw CommandRunner.failed(create, r);
        }
    }

    @Override
    public void remove() throws IOException {
        if (!installed()) {
            Files.deleteIfExists(xmlFile);
            return;
        }
        List<String> delete = List.of("schtasks", "/Delete", "/TN", TaskXml.TASK_NAME, "/F");
        CommandRunner.Result r = runner.run(delete, "");
        if (!r.ok()) {
            throw CommandRunner.failed(delete, r);
        }
        Files.deleteIfExists(xmlFile);
    }

    @Override
    public boolean installed() throws IOException {
        return runner.run("schtasks", "/Query", "/TN", TaskXml.TASK_NAME).ok();
    }
}
