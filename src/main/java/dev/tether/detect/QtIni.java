package dev.tether.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INI dialect of Qt's {@code QSettings}, which the Nextcloud and ownCloud clients write, read line by
 * line: {@code [Section]} headers, {@code key=value} lines, {@code ;} comments. Values may be quoted and
 * use C escapes, including {@code \xHHHH} for letters outside ASCII (Qt 5 without a codec).
 */
final class QtIni {
    private QtIni() {
    }

    /** The entries of one section, keys as written ({@code 0\Folders\1\localPath}), in file order. */
    static Map<String, String> section(List<String> lines, String name) {
        Map<String, String> entries = new LinkedHashMap<>();
        boolean inSection = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inSection = line.substring(1, line.length() - 1).strip().equalsIgnoreCase(name);
                continue;
            }
            int eq = line.indexOf('=');
            if (inSection && eq > 0) {
                entries.put(line.substring(0, eq).strip(), unescape(line.substring(eq + 1)));
            }
        }
        return entries;
    }

    /** A value as QSettings means it: quotes removed, escapes decoded, unquoted outer spaces trimmed. */
    static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int keepUpTo = 0; // everything before this index in out is quoted or inner text, never trimmed
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                keepUpTo = out.length();
                continue;
            }
            if (c == '\\' && i + 1 < value.length()) {
                char e = value.charAt(++i);
                if (e == 'x' || (e >= '0' && e <= '7')) {
                    int radix = e == 'x' ? 16 : 8;
                    int start = e == 'x' ? i + 1 : i;
                    int end = start;
                    while (end < value.length() && end - start < 8 && Character.digit(value.charAt(end), radix) >= 0) {
                        end++;
                    }
                    long code = end > start ? Long.parseLong(value.substring(start, end), radix) : -1;
                    if (Character.isValidCodePoint((int) code) && code == (int) code) {
                        out.appendCodePoint((int) code);
                    }
                    i = end - 1;
                } else {
                    out.append(switch (e) {
                        case 'a' -> '\u0007';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'v' -> '\u000B';
                        default -> e; // \\ \" \' \? and anything unknown stand for themselves
                    });
                }
                keepUpTo = out.length();
                continue;
            }
            if (!quoted && Character.isWhitespace(c) && out.length() == 0) {
                continue; // leading spaces of an unquoted value
            }
            out.append(c);
            if (quoted || !Character.isWhitespace(c)) {
                keepUpTo = out.length();
            }
        }
        out.setLength(Math.max(keepUpTo, 0));
        return out.toString();
    }
}
