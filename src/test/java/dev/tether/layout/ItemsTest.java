package dev.tether.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deny-list of cli.md: what is never linked, whatever is asked. */
class ItemsTest {
    private static final String STATE_DIR = "tether-state";

    @ParameterizedTest
    @ValueSource(strings = {".credentials.json", ".encryption_key", "settings.local.json", ".mcp.json"})
    void refusesTheNamedCredentialFiles(String name) {
        assertTrue(forbidden(name).contains("credentials or secrets"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".CREDENTIALS.JSON", ".Encryption_Key", "Settings.Local.json", ".MCP.json"})
    void refusesTheNamedCredentialFilesInAnyCase(String name) {
        assertNotNull(forbidden(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"credentials", "my-credential.txt", "AWS_CREDENTIALS", "Credential", "secret", "secrets.env",
        "client_SECRET.json", "TopSecret", "gcp-Credentials-backup"})
    void refusesAnyNameContainingCredentialOrSecretInAnyCase(String name) {
        assertTrue(forbidden(name).contains("credentials or secrets"));
    }

    @Test
    void refusesTheStateDir() {
        assertTrue(forbidden(STATE_DIR).contains("state dir"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void refusesDotAndDotDot(String name) {
        assertNotNull(forbidden(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abs", "/home/me/.claude/projects", "\\\\server\\share", "C:\\x", "C:/x", "c:x", "~/projects"})
    void refusesAbsolutePaths(String name) {
        assertTrue(forbidden(name).contains("absolute"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects/-home-me-code", "projects\\-home-me-code", "projects/", "./projects", "a/../b"})
    void refusesNestedPaths(String name) {
        assertTrue(forbidden(name).contains("nested"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void refusesEmptyNames(String name) {
        assertNotNull(forbidden(name));
    }

    @Test
    void refusesANull() {
        assertNotNull(Items.whyForbidden(null, STATE_DIR));
    }

    @Test
    void refusesANameWithANul() {
        assertNotNull(forbidden("history\0.jsonl"));
    }

    @Test
    void acceptsEveryDefaultItem() {
        for (String name : Items.DEFAULTS) {
            assertNull(Items.whyForbidden(name, STATE_DIR), name);
            assertNull(Items.whyForbidden(name, null), name);
        }
        assertEquals(Items.DEFAULTS, Items.validate(Items.DEFAULTS, STATE_DIR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLAUDE.md", "todos", "plans", "settings.json", "agents", "commands", "shell-snapshots"})
    void acceptsOtherDirectChildren(String name) {
        assertNull(Items.whyForbidden(name, STATE_DIR));
        assertEquals(List.of(name), Items.validate(List.of(name), STATE_DIR));
    }

    @Test
    void theStateDirNameIsOnlyForbiddenWhenTheStateDirIsAChildOfTheClaudeDir() {
        assertNull(Items.whyForbidden(STATE_DIR, null));
    }

    @Test
    void validateKeepsTheOrderAndDropsDuplicates() {
        assertEquals(List.of("projects", "history.jsonl"), Items.validate(List.of("projects", "history.jsonl", "projects"), null));
    }

    @Test
    void validateRefusesTheWholeListWithExit2WhenOneNameIsForbidden() {
        Failure.BadInput e = assertThrows(Failure.BadInput.class,
                () -> Items.validate(List.of("projects", ".credentials.json"), STATE_DIR));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains(".credentials.json"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertNotNull(e.hint());
    }

    @Test
    void knowsTheKindOfTheDefaultItems() {
        assertEquals(Optional.of(Kind.FILE), Items.expectedKind("history.jsonl"));
        for (String dir : List.of("projects", "file-history", ".archive", ".planning", "tasks")) {
            assertEquals(Optional.of(Kind.DIR), Items.expectedKind(dir), dir);
        }
        assertEquals(Optional.empty(), Items.expectedKind("CLAUDE.md"));
    }

    private static String forbidden(String name) {
        String why = Items.whyForbidden(name, STATE_DIR);
        assertNotNull(why, () -> "'" + name + "' should be forbidden");
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> Items.validate(List.of(name), STATE_DIR));
        assertEquals(2, e.exitCode());
        return why;
    }
}
