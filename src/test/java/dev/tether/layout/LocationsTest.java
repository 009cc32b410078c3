package dev.tether.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link Locations#resolve}: the home, the Claude dir and the state dir, per OS, as cli.md's table says. */
class LocationsTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Nested
    class OnLinux {
        private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

        @AfterEach
        void close() throws IOException {
            fs.close();
        }

        private Locations resolve(Map<String, String> env) {
            return resolve(env, null, null);
        }

        private Locations resolve(Map<String, String> env, String claudeDir, String stateDir) {
            return Locations.resolve(fs, env, Os.LINUX, claudeDir, stateDir, "/java/user-home");
        }

        @Test
        void homeIsHomeNotJavasUserHome() {
            Locations l = resolve(env("HOME", "/home/me"));
            assertEquals(fs.getPath("/home/me"), l.home());
            assertEquals(fs.getPath("/home/me/.claude"), l.claudeDir());
            assertEquals(fs.getPath("/home/me/.local/state/tether"), l.stateDir());
        }

        @Test
        void javasUserHomeIsTheLastResort() {
            assertEquals(fs.getPath("/java/user-home"), resolve(env()).home());
        }

        @Test
        void anEmptyHomeCountsAsUnset() {
            assertEquals(fs.getPath("/java/user-home/.claude"), resolve(env("HOME", "")).claudeDir());
        }

        @Test
        void userprofileIsNotTheHomeOnLinux() {
            assertEquals(fs.getPath("/home/me"), resolve(env("HOME", "/home/me", "USERPROFILE", "/elsewhere")).home());
        }

        @Test
        void homeIsNormalized() {
            assertEquals(fs.getPath("/home/me"), resolve(env("HOME", "/home/./other/../me/")).home());
        }

        @Test
        void claudeConfigDirMovesTheClaudeDir() {
            assertEquals(fs.getPath("/data/claude"), resolve(env("HOME", "/home/me", "CLAUDE_CONFIG_DIR", "/data/claude")).claudeDir());
        }

        @Test
        void anEmptyClaudeConfigDirCountsAsUnset() {
            assertEquals(fs.getPath("/home/me/.claude"), resolve(env("HOME", "/home/me", "CLAUDE_CONFIG_DIR", "")).claudeDir());
        }

        @Test
        void theClaudeDirOptionWinsOverClaudeConfigDir() {
            Locations l = resolve(env("HOME", "/home/me", "CLAUDE_CONFIG_DIR", "/data/claude"), "/opt/claude", null);
            assertEquals(fs.getPath("/opt/claude"), l.claudeDir());
        }

        @Test
        void aRelativeClaudeDirOptionIsTakenFromTheWorkingDirectory() {
            assertEquals(fs.getPath("/work/my-claude"), resolve(env("HOME", "/home/me"), "my-claude", null).claudeDir());
        }

        @Test
        void xdgStateHomeMovesTheStateDir() {
            assertEquals(fs.getPath("/xdg/state/tether"), resolve(env("HOME", "/home/me", "XDG_STATE_HOME", "/xdg/state")).stateDir());
        }

        @Test
        void anEmptyXdgStateHomeCountsAsUnset() {
            assertEquals(fs.getPath("/home/me/.local/state/tether"), resolve(env("HOME", "/home/me", "XDG_STATE_HOME", "")).stateDir());
        }

        @Test
        void tetherStateDirWinsOverXdgStateHome() {
            Locations l = resolve(env("HOME", "/home/me", "XDG_STATE_HOME", "/xdg/state", "TETHER_STATE_DIR", "/var/tether"));
            assertEquals(fs.getPath("/var/tether"), l.stateDir());
        }

        @Test
        void anEmptyTetherStateDirCountsAsUnset() {
            Locations l = resolve(env("HOME", "/home/me", "XDG_STATE_HOME", "/xdg/state", "TETHER_STATE_DIR", ""));
            assertEquals(fs.getPath("/xdg/state/tether"), l.stateDir());
        }

        @Test
        void theStateDirOptionWinsOverTetherStateDir() {
            Locations l = resolve(env("HOME", "/home/me", "TETHER_STATE_DIR", "/var/tether"), null, "/srv/tether-state");
            assertEquals(fs.getPath("/srv/tether-state"), l.stateDir());
        }

        @Test
        void emptyOptionsCountAsNotGiven() {
            Locations l = resolve(env("HOME", "/home/me"), "", "");
            assertEquals(fs.getPath("/home/me/.claude"), l.claudeDir());
            assertEquals(fs.getPath("/home/me/.local/state/tether"), l.stateDir());
        }
    }

    @Nested
    class OnMacOs {
        private final FileSystem fs = Jimfs.newFileSystem(Configuration.osX());

        @AfterEach
        void close() throws IOException {
            fs.close();
        }

        private Locations resolve(Map<String, String> env) {
            return Locations.resolve(fs, env, Os.MACOS, null, null, "/Users/java");
        }

        @Test
        void theStateDirIsInApplicationSupport() {
            Locations l = resolve(env("HOME", "/Users/me"));
            assertEquals(fs.getPath("/Users/me"), l.home());
            assertEquals(fs.getPath("/Users/me/.claude"), l.claudeDir());
            assertEquals(fs.getPath("/Users/me/Library/Application Support/tether"), l.stateDir());
        }

        @Test
        void xdgStateHomeIsALinuxConvention() {
            assertEquals(fs.getPath("/Users/me/Library/Application Support/tether"),
                    resolve(env("HOME", "/Users/me", "XDG_STATE_HOME", "/xdg")).stateDir());
        }

        @Test
        void tetherStateDirAndClaudeConfigDirStillApply() {
            Locations l = resolve(env("HOME", "/Users/me", "TETHER_STATE_DIR", "/tmp/ts", "CLAUDE_CONFIG_DIR", "/Volumes/x/claude"));
            assertEquals(fs.getPath("/tmp/ts"), l.stateDir());
            assertEquals(fs.getPath("/Volumes/x/claude"), l.claudeDir());
        }

        @Test
        void anEmptyHomeCountsAsUnset() {
            assertEquals(fs.getPath("/Users/java"), resolve(env("HOME", "")).home());
        }
    }

    @Nested
    class OnWindows {
        private final FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setRoots("C:\\", "D:\\").build());

        @AfterEach
        void close() throws IOException {
            fs.close();
        }

        private Locations resolve(Map<String, String> env, String claudeDir, String stateDir) {
            return Locations.resolve(fs, env, Os.WINDOWS, claudeDir, stateDir, "C:\\Users\\java");
        }

        private Locations resolve(Map<String, String> env) {
            return resolve(env, null, null);
        }

        @Test
        void homeIsUserprofileAndTheStateDirIsInLocalAppData() {
            Locations l = resolve(env("USERPROFILE", "C:\\Users\\me", "LOCALAPPDATA", "C:\\Users\\me\\AppData\\Local"));
            assertEquals(fs.getPath("C:\\Users\\me"), l.home());
            assertEquals(fs.getPath("C:\\Users\\me\\.claude"), l.claudeDir());
            assertEquals(fs.getPath("C:\\Users\\me\\AppData\\Local\\tether"), l.stateDir());
        }

        @Test
        void withoutLocalAppDataTheStateDirIsItsUsualPlace() {
            assertEquals(fs.getPath("C:\\Users\\me\\AppData\\Local\\tether"), resolve(env("USERPROFILE", "C:\\Users\\me")).stateDir());
        }

        @Test
        void anEmptyLocalAppDataCountsAsUnset() {
            assertEquals(fs.getPath("C:\\Users\\me\\AppData\\Local\\tether"),
                    resolve(env("USERPROFILE", "C:\\Users\\me", "LOCALAPPDATA", "")).stateDir());
        }

        @Test
        void anEmptyUserprofileCountsAsUnset() {
            assertEquals(fs.getPath("C:\\Users\\java"), resolve(env("USERPROFILE", "")).home());
        }

        @Test
        void xdgStateHomeIsIgnoredOnWindows() {
            assertEquals(fs.getPath("C:\\Users\\me\\AppData\\Local\\tether"),
                    resolve(env("USERPROFILE", "C:\\Users\\me", "XDG_STATE_HOME", "C:\\xdg")).stateDir());
        }

        @Test
        void variablesAndOptionsMayNameAnotherDrive() {
            Locations l = resolve(env("USERPROFILE", "C:\\Users\\me", "CLAUDE_CONFIG_DIR", "D:\\claude", "TETHER_STATE_DIR", "D:\\tether"));
            assertEquals(fs.getPath("D:\\claude"), l.claudeDir());
            assertEquals(fs.getPath("D:\\tether"), l.stateDir());
            Locations o = resolve(env("USERPROFILE", "C:\\Users\\me", "CLAUDE_CONFIG_DIR", "D:\\claude"), "C:\\cc", "C:\\ts");
            assertEquals(fs.getPath("C:\\cc"), o.claudeDir());
            assertEquals(fs.getPath("C:\\ts"), o.stateDir());
        }
    }
}
