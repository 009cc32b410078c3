package dev.tether.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans {@code tether config import}: for each entry of the zip, create, same, replace, conflict, skip or
 * refuse, from the entry and what is at its place in the Claude data dir. Reads only. The zip is
 * untrusted (it may come from anyone): a name that is absolute, climbs out with {@code ..}, is a link,
 * a device, a credential, or not part of a profile is refused, and so is a place that would be written
 * through a link.
 */
public final class ImportPlanner {
    private ImportPlanner() {
    }

    /** {@code force}: replace differing files; {@code includeLocal}: also import {@code settings.local.json}. */
    public record Options(boolean force, boolean includeLocal) {
    }

    public static ImportPlan plan(ProfileArchive archive, Path claudeDir, Options options) throws IOException {
        List<ImportPlan.Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ProfileArchive.Entry e : archive.entries()) {
            String why = unsafeName(e.name());
            if (why == null && !seen.add(e.name())) {
                why = "it appears twice in the zip";
            }
            if (why == null) {
                why = switch (e.type()) {
                    case LINK -> "a symbolic link; tether imports files only";
                    case SPECIAL -> "a device, pipe or socket; tether imports files only";
                    case FILE, DIRECTORY -> null;
                };
            }
            List<String> names = names(e.name());
            if (why == null) {
                why = ProfileItems.credentialIn(names);
            }
            if (why == null && !ProfileItems.isProfileTop(names.get(0), true)) {
                why = "not part of a config profile (" + String.join(", ", ProfileItems.NAMES) + ")";
            }
            if (why != null) {
                steps.add(new ImportPlan.Step(e.name(), ImportPlan.Action.REFUSE, why, e));
            } else if (e.type() == EntryType.DIRECTORY) {
                continue; // folders are made for the files in them
            } else if (names.get(0).equals(ProfileItems.LOCAL_SETTINGS) && !options.includeLocal()) {
                steps.add(new ImportPlan.Step(e.name(), ImportPlan.Action.SKIP, "imported only with --include-local", e));
            } else {
                steps.add(destination(e, names, claudeDir, options));
            }
        }
        return new ImportPlan(steps, new HashSet<>(archive.manifest().map(ProfileManifest::executable).orElse(List.of())));
    }

    /** Why a zip name is unsafe to join to the Claude data dir, or null. */
    static String unsafeName(String name) {
        if (name.isEmpty() || name.equals("/")) {
            return "an empty name";
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
            return "a NUL or a backslash in the name";
        }
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "an absolute path";
        }
        String inner = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String part : inner.split("/", -1)) {
            if (part.equals("..")) {
                return "a path that climbs out of the Claude data dir (..)";
            }
            if (part.isEmpty() || part.equals(".")) {
                return "an empty or '.' name inside the path";
            }
        }
        return null;
    }

    private static List<String> names(String name) {
        String inner = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return List.of(inner.split("/"));
    }

    /** The step for a safe file entry, from what is at its place. */
    private static ImportPlan.Step destination(ProfileArchive.Entry e, List<String> names, Path claudeDir, Options o)
            throws IOException {
        Path at = claudeDir;
        for (int i = 0; i < names.size() - 1; i++) {
            at = at.resolve(names.get(i));
            if (Files.isSymbolicLink(at)) {
                return refuse(e, at + " is a link; tether does not write through it");
            }
            if (Files.exists(at, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
                return refuse(e, at + " is a file where the profile has a folder");
            }
        }
        Path target = at.resolve(names.get(names.size() - 1));
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new ImportPlan.Step(e.name(), ImportPlan.Action.CREATE, null, e);
        }
        BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            return refuse(e, target + " is a link; tether does not write through it");
        }
        if (!a.isRegularFile()) {
            return refuse(e, target + " is a folder or special file where the profile has a file");
        }
        if (a.size() == e.size() && sha256(target).equals(e.sha256())) {
            return new ImportPlan.Step(e.name(), ImportPlan.Action.SAME, null, e);
        }
        return o.force()
                ? new ImportPlan.Step(e.name(), ImportPlan.Action.REPLACE, "differs; the current file is kept aside", e)
                : new ImportPlan.Step(e.name(), ImportPlan.Action.CONFLICT, "differs; --force replaces it", e);
    }

    private static ImportPlan.Step refuse(ProfileArchive.Entry e, String why) {
        return new ImportPlan.Step(e.name(), ImportPlan.Action.REFUSE, why, e);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return ProfileArchive.digest(in, Long.MAX_VALUE).sha256();
        }
    }
}
