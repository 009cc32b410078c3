package dev.tether.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Windows path strings as the Win32 and NT layers want them. Pure string work (no {@code Path}, because
 * a Linux test cannot make a Windows {@code Path}), so every conversion is unit-tested anywhere.
 *
 * <ul>
 * <li>{@code C:\abs} is a drive-absolute path, the only kind a junction may target;</li>
 * <li>{@code \??\C:\abs} is its NT form, the substitute name stored in a junction;</li>
 * <li>{@code \\?\C:\abs} is the Win32 long-path form: a {@code ...W} call needs it for a path near
 * MAX_PATH (260) unless the process is long-path aware, which a JNA caller cannot assume.</li>
 * </ul>
 */
final class WindowsPaths {
    /** CreateDirectoryW's limit is MAX_PATH minus room for an 8.3 name; Java's own Windows code uses the same 248. */
    static final int LONG_PATH_FROM = 248;
    private static final String NT_PREFIX = "\\??\\";
    private static final String LONG_PREFIX = "\\\\?\\";
    private static final String LONG_UNC_PREFIX = "\\\\?\\UNC\\";

    private WindowsPaths() {
    }

    /** The two names a junction stores: {@code \??\C:\target} and {@code C:\target}. */
    record JunctionNames(String substituteName, String printName) {
    }

    /**
     * The names for a junction to {@code target}.
     *
     * @throws IllegalArgumentException with a sentence when a junction cannot point there
     */
    static JunctionNames junctionNames(String target) {
        Optional<String> problem = junctionProblem(target);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String path = driveAbsolute(target);
        return new JunctionNames(NT_PREFIX + path, path);
    }

    /** Why a junction cannot point at {@code target}, or empty when it can. */
    static Optional<String> junctionProblem(String target) {
        if (target == null || target.isEmpty()) {
            return Optional.of("a junction needs a target");
        }
        String t = target.replace('/', '\\');
        if (t.startsWith(LONG_UNC_PREFIX) || (t.startsWith("\\\\") && !t.startsWith(LONG_PREFIX))) {
            return Optional.of("a junction cannot point at the network path " + target
                    + " (junctions reach local drives only)");
        }
        String path = t.startsWith(LONG_PREFIX) ? t.substring(LONG_PREFIX.length()) : t;
        if (!isDriveAbsolute(path)) {
            return Optional.of("a junction needs an absolute target on a drive, like C:\\folder, not " + target);
        }
        for (String segment : path.substring(3).split("\\\\")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("a junction target must not contain . or .. (" + target + ")");
            }
        }
        return Optional.empty();
    }

    /** {@code C:\abs} from a junction's substitute name or a Win32 long path; anything else unchanged. */
    static String fromNtName(String name) {
        if (name.startsWith(NT_PREFIX + "UNC\\")) {
            return "\\\\" + name.substring(NT_PREFIX.length() + 4);
        }
        if (name.startsWith(LONG_UNC_PREFIX)) {
            return "\\\\" + name.substring(LONG_UNC_PREFIX.length());
        }
        if (name.startsWith(NT_PREFIX) && isDriveAbsolute(name.substring(NT_PREFIX.length()))) {
            return name.substring(NT_PREFIX.length());
        }
        if (name.startsWith(LONG_PREFIX) && isDriveAbsolute(name.substring(LONG_PREFIX.length()))) {
            return name.substring(LONG_PREFIX.length());
        }
        if (name.startsWith(NT_PREFIX)) {
            // \??\Volume{guid}\ and other device paths: the Win32 spelling of the same object
            return LONG_PREFIX + name.substring(NT_PREFIX.length());
        }
        return name;
    }

    /**
     * The string to hand a Win32 {@code ...W} call: unchanged when short, else with the {@code \\?\} prefix
     * ({@code \\?\UNC\} for a network path), which also turns off the Win32 parsing of / and trailing dots.
     *
     * @throws IllegalArgumentException for a long relative path, which no prefix can lengthen
     */
    static String forWin32(String absolute) {
        String p = absolute.replace('/', '\\');
        if (p.length() < LONG_PATH_FROM || p.startsWith(LONG_PREFIX) || p.startsWith(NT_PREFIX)) {
            return p;
        }
        if (p.startsWith("\\\\")) {
            return LONG_UNC_PREFIX + p.substring(2);
        }
        if (isDriveAbsolute(p)) {
            return LONG_PREFIX + p;
        }
        throw new IllegalArgumentException("the path is too long for Windows and not absolute: " + absolute);
    }

    /** The upper-case drive letter of a drive-absolute path. */
    static Optional<Character> drive(String path) {
        String p = path.startsWith(LONG_PREFIX) ? path.substring(LONG_PREFIX.length()) : path;
        return isDriveAbsolute(p.replace('/', '\\'))
                ? Optional.of(p.substring(0, 1).toUpperCase(Locale.ROOT).charAt(0)) : Optional.empty();
    }

    /** {@code X:\...} with X a letter; {@code C:foo} (relative to C:'s current folder) is not. */
    static boolean isDriveAbsolute(String p) {
        return p.length() >= 3 && isAsciiLetter(p.charAt(0)) && p.charAt(1) == ':' && p.charAt(2) == '\\';
    }

    private static String driveAbsolute(String target) {
        String t = target.replace('/', '\\');
        String path = t.startsWith(LONG_PREFIX) ? t.substring(LONG_PREFIX.length()) : t;
        // a trailing separator would be stored as is and make the target differ from the folder's own name
        while (path.length() > 3 && path.endsWith("\\")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
