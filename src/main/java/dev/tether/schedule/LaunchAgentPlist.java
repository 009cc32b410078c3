package dev.tether.schedule;

/**
 * The macOS LaunchAgent of the job, {@code ~/Library/LaunchAgents/dev.tether.backup.plist}: launchd runs it
 * at {@code StartCalendarInterval}, and a run missed while the Mac slept happens when it wakes. Pure.
 */
public final class LaunchAgentPlist {
    public static final String LABEL = "dev.tether.backup";
    public static final String FILE_NAME = LABEL + ".plist";

    private LaunchAgentPlist() {
    }

    public static String render(JobCommand command, Schedule schedule) {
        StringBuilder args = new StringBuilder();
        for (String arg : command.argv()) {
            args.append("\t\t<string>").append(Quoting.xml(arg)).append("</string>\n");
        }
        String hour = schedule.cadence() == Cadence.DAILY
                ? "\t\t<key>Hour</key>\n\t\t<integer>" + schedule.at().getHour() + "</integer>\n"
                : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <!-- Made by `tether schedule` (%s); `tether schedule off` removes it. -->
                <plist version="1.0">
                <dict>
                \t<key>Label</key>
                \t<string>%s</string>
                \t<key>ProgramArguments</key>
                \t<array>
                %s\t</array>
                \t<key>StartCalendarInterval</key>
                \t<dict>
                %s\t\t<key>Minute</key>
                \t\t<integer>%d</integer>
                \t</dict>
                \t<key>ProcessType</key>
                \t<string>Background</string>
                \t<key>LowPriorityIO</key>
                \t<true/>
                </dict>
                </plist>
                """.formatted(schedule.describe(), LABEL, args, hour, schedule.at().getMinute());
    }
}
