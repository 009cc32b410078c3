package dev.tether.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Looks for token-like strings in a file, streaming: line by line through a fixed buffer, so a
 * transcript of gigabytes, or one line of megabytes (a pasted file, an image), costs the same small
 * memory. A line longer than the window is searched in overlapping pieces, each with some of the text
 * before it, so a token across a cut is found once. Binary files (a NUL byte near the start, as git
 * decides) are skipped. Thread-safe: every scan has its own buffers. Never holds a secret past its line.
 */
public final class SecretScanner {
    /** Chars of a long line searched at a time. */
    static final int WINDOW = 64 * 1024;
    /** Chars after a window that a token starting in it may reach into; longer than any token. */
    static final int OVERLAP = 1024;
    /** Chars before a window kept for the patterns' look-behind and the base64-run test. */
    static final int CONTEXT = 1024;
    /** Bytes looked at for a NUL to call a file binary. */
    static final int BINARY_PROBE = 8000;
    /** Findings kept per file; a file holding more says so. */
    public static final int MAX_PER_FILE = 100;
    /** Lines after a bodyless {@code BEGIN ... PRIVATE KEY} header that may still start its body (PEM headers, a blank). */
    private static final int PEM_HEADER_LINES = 4;

    /** What one file held: whether it was text (binary files are not searched), and its findings in line order. */
    public record FileScan(Path file, boolean text, List<SecretFinding> findings, boolean truncated) {
    }

    /** Scans {@code file}, never following a link. */
    public FileScan scan(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return scan(file, in);
        }
    }

    /** Scans what {@code in} yields, naming {@code file} in the findings. Does not close {@code in}. */
    public FileScan scan(Path file, InputStream in) throws IOException {
        return new Run(file).read(in);
    }

    /** One scan's state. */
    private static final class Run {
        private final Path file;
        private final List<SecretFinding> found = new ArrayList<>();
        private final char[] seg = new char[CONTEXT + WINDOW + OVERLAP];
        private boolean truncated;
        private int len;
        /** Where in {@link #seg} this line's unreported text starts: 0, or {@link #CONTEXT} after a cut. */
        private int reportFrom;
        private boolean cut;
        private long line = 1;
        private long pendingKeyLine = -1;
        private int pendingLinesLeft;

        Run(Path file) {
            this.file = file;
        }

        FileScan read(InputStream in) throws IOException {
            byte[] buf = new byte[64 * 1024];
            long offset = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == 0 && offset + i < BINARY_PROBE) {
                        return new FileScan(file, false, List.of(), false);
                    }
                    if (b == '\n') {
                        endLine();
                    } else {
                        if (len == seg.length) {
                            searchCut();
                        }
                        seg[len++] = (char) (b & 0xff);
                    }
                }
                offset += n;
            }
            if (len > 0 || cut) {
                endLine();
            }
            found.sort(Comparator.comparingLong(SecretFinding::line)); // a PEM body confirms its header lines later
            return new FileScan(file, true, List.copyOf(found), truncated);
        }

        /** The buffer is full inside a line: search what a token can be wholly inside, keep the tail. */
        private void searchCut() {
            int reportTo = len - OVERLAP;
            search(text(), reportTo);
            int keep = CONTEXT + OVERLAP;
            System.arraycopy(seg, len - keep, seg, 0, keep);
            len = keep;
            reportFrom = CONTEXT;
            cut = true;
        }

        private void endLine() {
            String text = text();
            search(text, len);
            if (!cut) {
                followPrivateKey(text);
            }
            len = 0;
            reportFrom = 0;
            cut = false;
            line++;
        }

        /** The buffered text with its escaped line ends blanked (in place: blanking twice changes nothing more). */
        private String text() {
            TokenRules.blankEscapes(seg, len);
            return new String(seg, 0, len);
        }

        private void search(String text, int reportTo) {
            for (TokenRules.Hit h : TokenRules.find(text)) {
                if (h.start() >= reportFrom && h.start() < reportTo) {
                    add(line, h.kind(), h.masked());
                }
            }
        }

        /** A PEM file's header stands alone on its line; the body follows on the next ones. */
        private void followPrivateKey(String text) {
            if (pendingKeyLine > 0) {
                Matcher body = TokenRules.PEM_BODY.matcher(text);
                if (body.matches()) {
                    add(pendingKeyLine, SecretKind.PRIVATE_KEY, SecretFinding.mask(body.group(1)));
                    pendingKeyLine = -1;
                } else if (text.contains("-----END") || text.contains("-----BEGIN") || --pendingLinesLeft == 0) {
                    pendingKeyLine = -1;
                }
            }
            if (TokenRules.isPemHeaderLine(text)) {
                pendingKeyLine = line;
                pendingLinesLeft = PEM_HEADER_LINES;
            }
        }

        private void add(long at, SecretKind kind, String masked) {
            if (found.size() == MAX_PER_FILE) {
                truncated = true;
                return;
            }
            found.add(new SecretFinding(file, at, kind, masked));
        }
    }
}
