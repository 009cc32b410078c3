package dev.tether.find;

import java.util.Locale;

/**
 * {@code --project TEXT}: the session's project path (its transcripts' {@code cwd}) contains TEXT, or its
 * project folder's name does. Claude Code names the folder after the path with separators and dots
 * (and, in some versions, other characters) turned into {@code -}, so both sides are compared in that
 * form: every character that is not an ASCII letter or digit is a {@code -}. Whatever is in the path
 * is then also in the folder's name, and a filter that has only the folder's name (no summary read)
 * chooses the same sessions or a few more. Case does not matter.
 */
public record ProjectFilter(String text) {
    public static final ProjectFilter ANY = new ProjectFilter(null);

    public boolean matches(String projectKey, String projectPath) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        if (projectPath != null && projectPath.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return projectKey != null && keyForm(projectKey).contains(keyForm(text));
    }

    static String keyForm(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toLowerCase((char) c) : '-'));
        return out.toString();
    }
}
