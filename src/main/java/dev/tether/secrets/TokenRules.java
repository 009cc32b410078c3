package dev.tether.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds token-like strings in one line of text (bytes read as ISO-8859-1, so every byte is one char and
 * a token, which is ASCII, reads as itself). Each rule is a pattern whose group 1 is the secret, and a
 * test that tells a real-looking value from a placeholder. Pure.
 *
 * <p>Decoys stay quiet by construction: UUIDs and hashes are hexadecimal and have no token prefix (and
 * the assignment rule skips hex values), a long base64 run (an image pasted into a session, a
 * {@code data:} URI) hides whatever prefix-like letters it happens to contain, and a secret's word counts
 * only when it is assigned a random-looking literal, not {@code changeme}, {@code ${TOKEN}} or a JSON object.
 */
final class TokenRules {
    /** A token starts where no token character precedes it. */
    private static final String START = "(?<![A-Za-z0-9_-])";
    private static final String END = "(?![A-Za-z0-9_-])";
    /** A run of plain base64 this long is data (an image), not text; nothing inside it is reported. */
    static final int BASE64_RUN = 200;

    /**
     * One pattern, the kind it finds, what its secret (group 1) must look like, and the literal every match
     * starts with: the pattern is tried only where that literal stands, which keeps a scan of gigabytes of
     * transcripts cheap (a pattern that opens with a look-behind is otherwise tried at every position).
     */
    private record Rule(SecretKind kind, String anchor, Pattern pattern, Predicate<String> real) {
    }

    private static final List<Rule> PREFIXED = List.of(
            rule(SecretKind.ANTHROPIC_KEY, "sk-ant-", START + "(sk-ant-[A-Za-z0-9_-]{20,})" + END, s -> Randomness.tokenTail(s.substring(7))),
            rule(SecretKind.OPENAI_KEY, "sk-", START + "(sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,})" + END,
                    s -> Randomness.tokenTail(s.replaceFirst("^sk-(?:proj-|svcacct-|admin-)?", ""))),
            rule(SecretKind.GITHUB_TOKEN, "gh", START + "(gh[pousr]_[A-Za-z0-9]{36,255})" + END, s -> Randomness.tokenTail(s.substring(4))),
            rule(SecretKind.GITHUB_TOKEN, "github_pat_", START + "(github_pat_[A-Za-z0-9_]{60,255})" + END, s -> Randomness.tokenTail(s.substring(11))),
            rule(SecretKind.GITLAB_TOKEN, "glpat-", START + "(glpat-[A-Za-z0-9_-]{20,})" + END, s -> Randomness.tokenTail(s.substring(6))),
            // AWS's documentation uses AKIAIOSFODNN7EXAMPLE; an id ending in EXAMPLE is an example
            rule(SecretKind.AWS_ACCESS_KEY, "AKIA", "(?<![A-Za-z0-9])(AKIA[A-Z0-9]{16})(?![A-Za-z0-9])", TokenRules::awsKeyId),
            rule(SecretKind.AWS_ACCESS_KEY, "ASIA", "(?<![A-Za-z0-9])(ASIA[A-Z0-9]{16})(?![A-Za-z0-9])", TokenRules::awsKeyId),
            rule(SecretKind.SLACK_TOKEN, "xox", START + "(xox[baprs]-[A-Za-z0-9-]{10,})" + END,
                    s -> s.chars().skip(5).anyMatch(Character::isDigit) && Randomness.entropy(s.substring(5)) >= 3.0),
            rule(SecretKind.SLACK_WEBHOOK, "hooks.slack.com/", "hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{20,})",
                    s -> Randomness.entropy(s) >= 3.0),
            rule(SecretKind.GOOGLE_API_KEY, "AIza", START + "(AIza[0-9A-Za-z_-]{35})" + END, s -> Randomness.tokenTail(s.substring(4))));

    /**
     * A key a PEM block opens with; group 1 is the body's first run when it follows on the same line (after
     * an escaped line end inside a JSON string, which {@link #blankEscapes} turned into spaces).
     */
    static final Pattern PRIVATE_KEY_HEADER =
            Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\\s*([A-Za-z0-9+/=]{40,}))?");

    /** A PEM body line: nothing but base64. */
    static final Pattern PEM_BODY = Pattern.compile("\\s*([A-Za-z0-9+/=]{40,})\\s*");

    private TokenRules() {
    }

    private static Rule rule(SecretKind kind, String anchor, String regex, Predicate<String> real) {
        return new Rule(kind, anchor, Pattern.compile(regex), real);
    }

    private static boolean awsKeyId(String id) {
        return !id.endsWith("EXAMPLE") && Randomness.entropy(id.substring(4)) >= 2.5;
    }

    /** The characters an assignment is made around. */
    private static boolean isSeparator(char c) {
        return c == ':' || c == '=';
    }

    /** A token found in a line: its kind, where the whole match lies, and its secret masked. */
    record Hit(SecretKind kind, int start, int end, String masked) {
        boolean overlaps(Hit o) {
            return start < o.end && o.start < end;
        }
    }

    /** Every token in {@code line}, in order; {@code line} has had its escapes blanked. */
    static List<Hit> find(String line) {
        List<Hit> hits = new ArrayList<>();
        for (Rule r : PREFIXED) {
            // every match starts with its rule's anchor: try the pattern only where the anchor stands
            Matcher m = null;
            for (int at = line.indexOf(r.anchor); at >= 0; at = line.indexOf(r.anchor, at + 1)) {
                if (m == null) {
                    m = r.pattern.matcher(line).useTransparentBounds(true); // the look-behind sees before the region
                }
                m.region(at, line.length());
                if (!m.lookingAt()) {
                    continue;
                }
                String secret = m.group(1);
                if (r.real.test(secret) && !insideData(line, m.start(1), m.end(1))) {
                    add(hits, new Hit(r.kind, m.start(), m.end(), SecretFinding.mask(secret)));
                }
            }
        }
        Matcher key = PRIVATE_KEY_HEADER.matcher(line.contains("PRIVATE KEY") ? line : "");
        while (key.find()) {
            if (key.group(1) != null) {
                add(hits, new Hit(SecretKind.PRIVATE_KEY, key.start(), key.end(), SecretFinding.mask(key.group(1))));
            }
        }
        for (int i = 0; i < line.length(); i++) {
            if (isSeparator(line.charAt(i))) {
                Assignments.Assignment a = Assignments.at(line, i);
                if (a != null) {
                    String value = line.substring(a.valueStart(), a.valueEnd());
                    if (assignedSecret(value)) {
                        // the whole assignment is the hit: a token=ghp_... is the GitHub token's, and a line cut in
                        // segments reports an assignment by where its name starts
                        add(hits, new Hit(SecretKind.ASSIGNED_SECRET, a.start(), a.valueEnd(), SecretFinding.mask(value)));
                    }
                }
            }
        }
        if (hits.size() > 1) {
            hits.sort((x, y) -> Integer.compare(x.start, y.start));
        }
        return hits;
    }

    /** Whether {@code line} is a private key header standing alone, as in a PEM file, whose body follows on the next lines. */
    static boolean isPemHeaderLine(String line) {
        if (!line.contains("PRIVATE KEY")) {
            return false;
        }
        Matcher key = PRIVATE_KEY_HEADER.matcher(line.strip());
        return key.matches() && key.group(1) == null;
    }

    /** A literal that is a secret rather than an id, a hash, a reference or a word. */
    private static boolean assignedSecret(String value) {
        return !Randomness.isUuid(value) && !Randomness.isHex(value.replace("-", "")) && Randomness.assignedValue(value);
    }

    /** The first rule to claim a stretch of text keeps it: a {@code token=ghp_...} is a GitHub token, once. */
    private static void add(List<Hit> hits, Hit hit) {
        for (Hit h : hits) {
            if (h.overlaps(hit)) {
                return;
            }
        }
        hits.add(hit);
    }

    /**
     * True when {@code [from, to)} lies in a run of base64 (standard or URL-safe) at least
     * {@link #BASE64_RUN} long: the data of an image, where any few letters look like a token by chance.
     */
    static boolean insideData(CharSequence line, int from, int to) {
        int left = from;
        while (left > 0 && isBase64(line.charAt(left - 1))) {
            left--;
        }
        int right = to;
        while (right < line.length() && isBase64(line.charAt(right))) {
            right++;
        }
        return right - left >= BASE64_RUN;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '='
                || c == '-' || c == '_';
    }

    /**
     * Turns the escapes {@code \n}, {@code \r}, {@code \t} (a transcript's JSON strings hold pasted text
     * with its line ends escaped) into two spaces, so a token right after one still starts a word.
     * Offsets stay as they were.
     */
    static void blankEscapes(char[] line, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (line[i] == '\\') {
                char next = line[i + 1];
                if (next == 'n' || next == 'r' || next == 't') {
                    line[i] = ' ';
                    line[i + 1] = ' ';
                    i++;
                } else if (next == '\\') {
                    i++; // an escaped backslash: the char after it is not escaped
                }
            }
        }
    }
}
