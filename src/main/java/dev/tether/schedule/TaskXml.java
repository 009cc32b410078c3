package dev.tether.schedule;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The Windows Task Scheduler task of the job, for {@code schtasks /Create /XML FILE /TN tether-backup}: it
 * runs as the user who created it, only while logged on (no password stored, no administrator rights),
 * on battery too, and a run missed while the machine was off starts as soon as it can. Pure.
 */
public final class TaskXml {
    public static final String TASK_NAME = "tether-backup";

    private TaskXml() {
    }

    /**
     * The task's XML text.
     *
     * @param firstDay the day of the first trigger (today); Task Scheduler needs a start, and repeats from it
     */
    public static String render(JobCommand command, Schedule schedule, LocalDate firstDay) {
        String start = firstDay + "T" + (schedule.cadence() == Cadence.DAILY ? schedule.atText()
                : "00:%02d".formatted(schedule.at().getMinute())) + ":00";
        String repetition = schedule.cadence() == Cadence.HOURLY
                ? "      <Repetition>\n        <Interval>PT1H</Interval>\n        <Duration>P1D</Duration>\n"
                        + "        <StopAtDurationEnd>false</StopAtDurationEnd>\n      </Repetition>\n"
                : "";
        return """
                <?xml version="1.0" encoding="UTF-16"?>
                <Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
                  <RegistrationInfo>
                    <Description>tether backup of the Claude Code history, %s. Made by `tether schedule`; `tether schedule off` removes it.</Description>
                  </RegistrationInfo>
                  <Triggers>
                    <CalendarTrigger>
                %s      <StartBoundary>%s</StartBoundary>
                      <Enabled>true</Enabled>
                      <ScheduleByDay>
                        <DaysInterval>1</DaysInterval>
                      </ScheduleByDay>
                    </CalendarTrigger>
                  </Triggers>
                  <Principals>
                    <Principal id="Author">
                      <LogonType>InteractiveToken</LogonType>
                      <RunLevel>LeastPrivilege</RunLevel>
                    </Principal>
                  </Principals>
                  <Settings>
                    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
                    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
                    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
                    <StartWhenAvailable>true</StartWhenAvailable>
                    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
                    <AllowStartOnDemand>true</AllowStartOnDemand>
                    <Enabled>true</Enabled>
                    <ExecutionTimeLimit>PT2H</ExecutionTimeLimit>
                    <Priority>7</Priority>
                  </Settings>
                  <Actions Context="Author">
                    <Exec>
                      <Command>%s</Command>
                      <Arguments>%s</Arguments>
                    </Exec>
                  </Actions>
                </Task>
                """.formatted(Quoting.xml(schedule.describe()), repetition, start, Quoting.xml(command.program()),
                Quoting.xml(Quoting.windows(command.arguments())));
    }

    /** The file's bytes: UTF-16 with a byte order mark and CRLF line ends, as {@code schtasks /XML} reads its own exports. */
    public static byte[] bytes(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] body = xml.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE);
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
