package dev.tether.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SecretScanner}: true tokens found by line and kind, masked; decoys and binary files quiet. */
class SecretScannerTest {
    @TempDir
    Path dir;

    private final SyntheticTokens t = new SyntheticTokens(16);
    private final SecretScanner scanner = new SecretScanner();

    /** A corpus being written: lines, the tokens planted in them, and the kind each must be found as. */
    private static final class Corpus {
        final List<String> lines = new ArrayList<>();
        final List<String> expected = new ArrayList<>();
        final List<String> secrets = new ArrayList<>();

        void secret(SecretKind kind, String secret, String line) {
            lines.add(line);
            expected.add(lines.size() + " " + kind.id());
            secrets.add(secret);
        }

        void decoy(String line) {
            lines.add(line);
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private List<String> found(SecretScanner.FileScan scan) {
        return scan.findings().stream().map(f -> f.line() + " " + f.kind().id()).toList();
    }

    private SecretScanner.FileScan scan(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return scanner.scan(file);
    }

    @Test
    void reportsEveryTrueTokenAndNoDecoy() throws IOException {
        Corpus c = new Corpus();
        String anthropic = t.anthropic();
        c.secret(SecretKind.ANTHROPIC_KEY, anthropic, "export ANTHROPIC_API_KEY=" + anthropic);
        String project = t.openAiProject();
        c.secret(SecretKind.OPENAI_KEY, project, "OPENAI_API_KEY=\"" + project + "\"");
        String legacy = t.openAiLegacy();
        c.secret(SecretKind.OPENAI_KEY, legacy, "openai.api_key = '" + legacy + "'");
        for (String prefix : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) {
            String gh = t.github(prefix);
            c.secret(SecretKind.GITHUB_TOKEN, gh, "git remote add origin https://" + gh + "@github.com/me/repo.git");
        }
        String pat = t.githubFineGrained();
        c.secret(SecretKind.GITHUB_TOKEN, pat, "gh auth login --with-token <<< " + pat);
        String gitlab = t.gitlab();
        c.secret(SecretKind.GITLAB_TOKEN, gitlab, "PRIVATE-TOKEN: " + gitlab);
        String akia = t.aws("AKIA");
        c.secret(SecretKind.AWS_ACCESS_KEY, akia, "aws_access_key_id = " + akia);
        String asia = t.aws("ASIA");
        c.secret(SecretKind.AWS_ACCESS_KEY, asia, "{\"AccessKeyId\":\"" + asia + "\"}");
        String slack = t.slackBot();
        c.secret(SecretKind.SLACK_TOKEN, slack, "SLACK_BOT=" + slack);
        String hook = t.slackWebhookPath();
        c.secret(SecretKind.SLACK_WEBHOOK, hook, "curl -X POST https://hooks.slack.com/services/" + hook + " -d @msg.json");
        String google = t.google();
        c.secret(SecretKind.GOOGLE_API_KEY, google, "<script src=\"https://maps.example/api/js?key=" + google + "\"></script>");
        String password = t.password();
        c.secret(SecretKind.ASSIGNED_SECRET, password, "db.password=" + password);
        String apiKey = t.of(SyntheticTokens.ALNUM, 32);
        c.secret(SecretKind.ASSIGNED_SECRET, apiKey, "  \"api_key\": \"" + apiKey + "\",");
        String clientSecret = t.of(SyntheticTokens.URL_SAFE, 40);
        c.secret(SecretKind.ASSIGNED_SECRET, clientSecret, "CLIENT_SECRET: " + clientSecret);
        String body = t.of(SyntheticTokens.BASE64, 64);
        c.secret(SecretKind.PRIVATE_KEY, body, "-----BEGIN OPENSSH PRIVATE KEY-----");
        c.decoy(body);
        c.decoy(t.of(SyntheticTokens.BASE64, 64));
        c.decoy("-----END OPENSSH PRIVATE KEY-----");

        // decoys: identifiers, hashes, images, words, placeholders, low-entropy values, JSON keys named token
        c.decoy("{\"sessionId\":\"" + t.uuid() + "\",\"uuid\":\"" + t.uuid() + "\",\"parentUuid\":\"" + t.uuid() + "\"}");
        c.decoy("token: " + t.uuid());
        c.decoy("commit " + t.hex(40));
        c.decoy("{\"sha256\":\"" + t.hex(64) + "\",\"token\":\"" + t.hex(40) + "\"}");
        c.decoy("secret=" + t.hex(32));
        c.decoy("<img src=\"data:image/png;base64,iVBORw0KGgo" + t.of(SyntheticTokens.BASE64, 3000) + "+" + t.google() + "/"
                + t.of(SyntheticTokens.BASE64, 3000) + "\">");
        c.decoy("{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + t.of(SyntheticTokens.BASE64, 2000)
                + "/" + t.aws("AKIA") + "+" + t.of(SyntheticTokens.BASE64, 2000) + "==\"}}");
        c.decoy("Use the task-tracker skill; ghost_writer and sk-learn are words; AKIA is a prefix; xoxo, hugs.");
        c.decoy("Reset the password, then paste the token and the secret key into the form.");
        c.decoy("password=changeme");
        c.decoy("password: hunter2");
        c.decoy("PASSWORD=password123456");
        c.decoy("token: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        c.decoy("GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        c.decoy("ANTHROPIC_API_KEY=sk-ant-api03-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
        c.decoy("aws_access_key_id = AKIAIOSFODNN7EXAMPLE");
        c.decoy("{\"token\": null, \"secret\": {\"type\": \"string\", \"description\": \"the API token\"}}");
        c.decoy("{\"usage\":{\"input_tokens\":123456789012,\"output_tokens\":987654,\"max_tokens\":4096}}");
        c.decoy("\"token\": \"${GITHUB_TOKEN}\", \"password\": \"<your password here>\", \"apiKey\": \"{{ secrets.API_KEY }}\"");
        c.decoy("if (pem.startsWith(\"-----BEGIN PRIVATE KEY-----\")) { return parse(pem); }");
        c.decoy("-----BEGIN PUBLIC KEY-----");
        c.decoy(t.of(SyntheticTokens.BASE64, 64));
        c.decoy("-----END PUBLIC KEY-----");
        c.decoy("-----BEGIN CERTIFICATE-----\\n" + t.of(SyntheticTokens.BASE64, 64) + "\\n-----END CERTIFICATE-----");

        SecretScanner.FileScan scan = scan("corpus.txt", c.text());
        assertTrue(scan.text());
        assertEquals(c.expected, found(scan));
        String output = scan.findings().stream().map(f -> f.describe() + " " + f).reduce("", String::concat);
        for (String secret : c.secrets) {
            assertFalse(output.contains(secret), "a finding shows a whole secret: " + output);
        }
    }

    @Test
    void findsTokensInsideTranscriptLinesAfterEscapedLineEnds() throws IOException {
        String gh = t.github("ghp_");
        String body = t.of(SyntheticTokens.BASE64, 64);
        String aws = t.aws("AKIA");
        String transcript = "{\"type\":\"user\",\"sessionId\":\"" + t.uuid() + "\",\"message\":{\"role\":\"user\",\"content\":"
                + "\"my .env:\\nGH=x\\n" + gh + "\\nthanks\"}}\n"
                + "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"content\":"
                + "\"-----BEGIN RSA PRIVATE KEY-----\\n" + body + "\\n" + t.of(SyntheticTokens.BASE64, 64)
                + "\\n-----END RSA PRIVATE KEY-----\"}]}}\n"
                + "{\"type\":\"user\",\"message\":{\"content\":\"key id\\t" + aws + "\"}}";
        SecretScanner.FileScan scan = scan("session.jsonl", transcript);
        assertEquals(List.of("1 github-token", "2 private-key", "3 aws-access-key"), found(scan));
    }

    @Test
    void masksShowTheFirstFourCharactersAndTheLength() throws IOException {
        String gh = t.github("ghp_");
        SecretFinding f = scan("a.txt", "token " + gh + "\n").findings().get(0);
        assertEquals("ghp_…(40 chars)", f.masked());
        assertEquals("line 1: a GitHub token (ghp_…(40 chars))", f.describe());
    }

    @Test
    void aTokenIsFoundOnceWhereverALongLineIsCut() throws IOException {
        String filler = t.of("abcdefghij ", SecretScanner.WINDOW * 3);
        List<Integer> offsets = new ArrayList<>();
        for (int base : List.of(SecretScanner.WINDOW, 2 * SecretScanner.WINDOW - SecretScanner.OVERLAP)) {
            for (int d = -60; d <= 60; d += 7) {
                offsets.add(base + d);
            }
        }
        for (int at : offsets) {
            String gh = t.github("ghp_");
            String line = filler.substring(0, at) + " " + gh + " " + filler.substring(at);
            SecretScanner.FileScan scan = scanner.scan(dir.resolve("long"),
                    new ByteArrayInputStream((line + "\nnext\n").getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals(List.of("1 github-token"), found(scan), "token at offset " + at);
        }
    }

    @Test
    void aLineOfMegabytesIsSearchedToItsEnd() throws IOException {
        String gh = t.github("gho_");
        StringBuilder line = new StringBuilder("{\"content\":\"");
        while (line.length() < 5_000_000) {
            line.append("lorem ipsum dolor sit amet ").append(t.uuid()).append(' ');
        }
        line.append(gh).append("\"}\n");
        assertEquals(List.of("1 github-token"), found(scan("big.jsonl", line + "second line\n")));
    }

    @Test
    void binaryFilesAreSkipped() throws IOException {
        byte[] bytes = ("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR " + t.github("ghp_") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("image.png");
        Files.write(file, bytes);
        SecretScanner.FileScan scan = scanner.scan(file);
        assertFalse(scan.text());
        assertTrue(scan.findings().isEmpty());
    }

    @Test
    void aNulFarIntoATextFileDoesNotMakeItBinary() throws IOException {
        String gh = t.github("ghp_");
        String text = "x".repeat(SecretScanner.BINARY_PROBE + 10) + "\0\n" + gh + "\n";
        SecretScanner.FileScan scan = scan("nul.txt", text);
        assertTrue(scan.text());
        assertEquals(List.of("2 github-token"), found(scan));
    }

    @Test
    void aFileWithVeryManyTokensKeepsTheFirstHundredAndSaysSo() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SecretScanner.MAX_PER_FILE + 5; i++) {
            text.append(t.google()).append('\n');
        }
        SecretScanner.FileScan scan = scan("many.txt", text.toString());
        assertEquals(SecretScanner.MAX_PER_FILE, scan.findings().size());
        assertTrue(scan.truncated());
    }

    @Test
    void aLastLineWithoutLineEndIsSearched() throws IOException {
        assertEquals(List.of("2 gitlab-token"), found(scan("end.txt", "first\n" + t.gitlab())));
    }
}
