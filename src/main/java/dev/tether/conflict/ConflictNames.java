package dev.tether.conflict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names sync clients give their conflict copies, one pattern per client. Pure: a name in, the
 * candidate originals out; whether a candidate counts is decided by {@link ConflictScanner}, which can
 * look at the disk.
 *
 * <p>Sources: Proton Drive's own clients (ProtonDriveApps/windows-drive, {@code FileNameFactory};
 * ProtonDriveApps/mac-drive, {@code ConflictName}); Dropbox's help centre,
 * https://help.dropbox.com/syncing-uploads/conflicted-copy; Syncthing's documentation,
 * https://docs.syncthing.net/users/syncing.html#conflicting-changes, and its
 * {@code lib/model/folder_sendrecv.go}; the Nextcloud desktop client, {@code src/common/utility.cpp}
 * (ownCloud's writes the same names); pCloud's help pages ({@code NAME.conflicted}); the Unison manual
 * ({@code -copyonconflict}); Resilio Sync's {@code .Conflict} names. The OneDrive ({@code -MACHINE}),
 * iCloud Drive ({@code " 2"}) and Google Drive ({@code " (1)"}) shapes are not documented by their
 * makers and come from observed copies and third-party reports.
 *
 * <p>Every pattern captures {@code base} and {@code ext}; the original the copy stands for is
 * {@code base + ext}. The OneDrive, iCloud and Google Drive shapes also match ordinary names
 * ({@code my-notes.md}, {@code report 2.txt}, {@code a (1).txt}), so they are {@link Match#needsOriginal()
 * counted only when the original lies next to the copy}, and OneDrive's only when its suffix is a known
 * machine name.
 */
public final class ConflictNames {
    private static final String EXT = "(?<ext>\\.[^.]*)?$";
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    /** A shape: the client that makes it, its pattern, and what a match means. */
    private record Shape(String provider, String label, Pattern pattern, boolean needsOriginal, boolean sameFile) {
        static Shape certain(String provider, String label, String regex) {
            return new Shape(provider, label, Pattern.compile(regex), false, true);
        }

        /** Two different files whose names collided (by case or Unicode form): never merged. */
        static Shape nameClash(String provider, String label, String regex) {
            return new Shape(provider, label, Pattern.compile(regex), false, false);
        }

        static Shape ambiguous(String provider, String label, String regex) {
            return new Shape(provider, label, Pattern.compile(regex), true, true);
        }
    }

    // Order matters where shapes overlap: Nextcloud's "(conflicted copy DATE HHMMSS)" also fits Dropbox's looser pattern.
    private static final List<Shape> CERTAIN = List.of(
            // Windows: 6 of [a-z0-9] and a literal C; macOS: 7 of [A-Za-z0-9]. Both are 7 characters.
            Shape.certain("proton-drive", "Proton Drive", "^(?<base>.*) \\(# (?:Name [Cc]lash|Edit [Cc]onflict|Delete [Cc]onflict) "
                    + DATE + " [A-Za-z0-9]{7} #\\)" + EXT),
            Shape.certain("nextcloud", "Nextcloud/ownCloud", "^(?<base>.*?) \\(conflicted copy (?:(?<user>[^()]+) )?" + DATE
                    + " \\d{6}\\)" + EXT),
            Shape.nameClash("nextcloud", "Nextcloud/ownCloud case clash", "^(?<base>.*?) \\(case clash from " + DATE + " \\d{6}\\)"
                    + EXT),
            Shape.certain("dropbox", "Dropbox", "^(?<base>.+?) \\((?:(?<who>[^()]+)['\u2019]s )?conflicted copy(?: " + DATE
                    + ")?[^)]*\\)" + EXT),
            Shape.certain("dropbox", "Dropbox selective sync", "^(?<base>.+?) \\([Ss]elective [Ss]ync [Cc]onflict(?: \\d+)?\\)" + EXT),
            Shape.nameClash("dropbox", "Dropbox case conflict", "^(?<base>.+?) \\([Cc]ase [Cc]onflict(?: \\d+)?\\)" + EXT),
            Shape.nameClash("dropbox", "Dropbox Unicode conflict", "^(?<base>.+?) \\([Uu]nicode [Ee]ncoding [Cc]onflict(?: \\d+)?\\)"
                    + EXT),
            // A dotfile has an empty base: ".sync-conflict-20240101-120000-ABCDEF7.bashrc" is a copy of ".bashrc".
            Shape.certain("syncthing", "Syncthing", "^(?<base>.*)\\.sync-conflict-\\d{8}-\\d{6}-[A-Z2-7]{0,7}" + EXT),
            Shape.certain("unison", "Unison", "^(?<base>.*) \\(conflict(?: #\\d+)?[_ ]on[_ ]" + DATE + "(?:_was_deleted)?\\)" + EXT),
            Shape.certain("pcloud", "pCloud", "^(?<base>.+)\\.conflicted(?<ext>)$"),
            Shape.certain("pcloud", "pCloud", "^(?<base>.+?) [\\[(]conflicted[\\])]" + EXT),
            Shape.certain("resilio", "Resilio Sync", "^(?<base>.+?)\\.Conflict(?: ?\\d+)?" + EXT));

    private static final List<Shape> AMBIGUOUS = List.of(
            Shape.ambiguous("icloud", "iCloud Drive", "^(?<base>.+) (?:[2-9]|[1-9]\\d+)" + EXT),
            Shape.ambiguous("google-drive", "Google Drive", "^(?<base>.+) \\([1-9]\\d*\\)" + EXT));

    /** One reading of a name as a conflict copy. */
    public record Match(String provider, String label, String original, boolean needsOriginal, boolean sameFile) {
    }

    private final List<Shape> oneDrive;

    /**
     * @param knownMachines host names of the machines that use the synced folder (this one and the
     *     registry's); OneDrive's {@code NAME-MACHINE.EXT} counts only for these
     */
    public ConflictNames(Collection<String> knownMachines) {
        List<Shape> shapes = new ArrayList<>();
        for (String machine : machineNames(knownMachines)) {
            shapes.add(new Shape("onedrive", "OneDrive", Pattern.compile("^(?<base>.+)-" + Pattern.quote(machine) + EXT,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), true, true));
        }
        this.oneDrive = List.copyOf(shapes);
    }

    /**
     * The readings of {@code fileName} as a conflict copy, the certain ones first. Empty for an
     * ordinary name and for the in-flight and noise files of {@link NoiseNames}.
     */
    public List<Match> candidates(String fileName) {
        return candidates(fileName, true);
    }

    /**
     * {@code shortcuts}: most names in a synced folder are session files and snapshots, so a few character
     * tests rule out the shapes that cannot match before any pattern runs (verify reads every name of
     * 200,000 files). Without them every pattern runs; the answer is the same (a test holds it to that).
     */
    List<Match> candidates(String fileName, boolean shortcuts) {
        List<Match> out = new ArrayList<>();
        if (NoiseNames.isNoise(fileName)) {
            return out;
        }
        boolean space = !shortcuts || fileName.indexOf(' ') >= 0;
        if (space || mayBeUnspacedCopy(fileName)) {
            for (Shape shape : CERTAIN) {
                if (add(out, shape, fileName)) {
                    return out; // a certain shape is the answer; no looser reading can beat it
                }
            }
        }
        if (!shortcuts || fileName.indexOf('-') >= 0) {
            for (Shape shape : oneDrive) {
                add(out, shape, fileName);
            }
        }
        if (space) {
            for (Shape shape : AMBIGUOUS) {
                add(out, shape, fileName);
            }
        }
        return out;
    }

    /**
     * The certain shapes without a space: Syncthing's {@code .sync-conflict-}, pCloud's {@code .conflicted}
     * and Resilio's {@code .Conflict}. Every other certain shape, and both ambiguous ones, need a space;
     * OneDrive's needs a {@code -}.
     */
    private static boolean mayBeUnspacedCopy(String fileName) {
        return fileName.contains(".sync-conflict-") || fileName.contains(".conflicted") || fileName.contains(".Conflict");
    }

    private static boolean add(List<Match> out, Shape shape, String fileName) {
        Matcher m = shape.pattern().matcher(fileName);
        if (!m.matches()) {
            return false;
        }
        String original = m.group("base") + (m.group("ext") == null ? "" : m.group("ext"));
        if (original.isEmpty() || original.equals(fileName)) {
            return false;
        }
        out.add(new Match(shape.provider(), shape.label(), original, shape.needsOriginal(), shape.sameFile()));
        return true;
    }

    /** Each host name as given and its first label ({@code laptop} of {@code laptop.local}). */
    private static Set<String> machineNames(Collection<String> hosts) {
        Set<String> names = new LinkedHashSet<>();
        for (String host : hosts) {
            if (host == null || host.isBlank() || host.equalsIgnoreCase("unknown")) {
                continue;
            }
            String h = host.trim();
            names.add(h.toLowerCase(Locale.ROOT));
            int dot = h.indexOf('.');
            if (dot > 0) {
                names.add(h.substring(0, dot).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
