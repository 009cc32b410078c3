package dev.tether.find;

import java.util.regex.Pattern;

/**
 * Transcript text made safe to print: tool output is full of terminal colour codes, and a control
 * character written to a terminal can move the cursor, retitle the window or worse. Colour codes
 * (ANSI CSI sequences) are dropped; any other control character but line end and tab is shown as its
 * Unicode control picture (ESC as ␛); a CR before a line end is dropped.
 */
public final class Printable {
    private static final Pattern CSI = Pattern.compile("\u001b\\[[0-?]*[ -/]*[@-~]");

    private Printable() {
    }

    public static String of(String text) {
        String s = text.indexOf('\u001b') >= 0 ? CSI.matcher(text).replaceAll("") : text;
        s = s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n") : s;
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (control && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(control ? picture(c) : c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static char picture(char c) {
        if (c < 0x20) {
            return (char) (0x2400 + c);
        }
        return c == 0x7f ? '\u2421' : '\ufffd';
    }
}
