package dev.tether.secrets;

import java.nio.file.Path;

/**
 * One token-like string: where it is (file and 1-based line), what it looks like, and the string masked.
 * It never holds the secret itself, so no output built from it can leak one.
 */
public record SecretFinding(Path file, long line, SecretKind kind, String masked) {

    /** "ghp_…(40 chars)": enough to recognise which token it is, far too little to use it. */
    public static String mask(CharSequence secret) {
        int shown = Math.min(4, secret.length() / 4); // a short secret shows less of itself
        return secret.subSequence(0, shown) + "…(" + secret.length() + " chars)";
    }

    /** "line 12: a GitHub token (ghp_…(40 chars))". */
    public String describe() {
        return "line " + line + ": " + kind.description() + " (" + masked + ")";
    }
}
