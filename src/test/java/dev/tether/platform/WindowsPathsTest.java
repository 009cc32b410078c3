package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowsPathsTest {

    @Test
    void aJunctionStoresTheNtNameAndThePlainName() {
        WindowsPaths.JunctionNames n = WindowsPaths.junctionNames("C:\\Users\\me\\Proton Drive\\.claude-session-backup\\projects");
        assertEquals("\\??\\C:\\Users\\me\\Proton Drive\\.claude-session-backup\\projects", n.substituteName());
        assertEquals("C:\\Users\\me\\Proton Drive\\.claude-session-backup\\projects", n.printName());
    }

    @Test
    void forwardSlashesTrailingSeparatorsAndTheLongPrefixAreNormalisedAway() {
        assertEquals("\\??\\D:\\sync\\x", WindowsPaths.junctionNames("D:/sync/x/").substituteName());
        assertEquals("D:\\sync\\x", WindowsPaths.junctionNames("\\\\?\\D:\\sync\\x").printName());
        assertEquals("\\??\\E:\\", WindowsPaths.junctionNames("E:\\").substituteName());
    }

    @Test
    void aJunctionCannotPointAtANetworkShare() {
        assertTrue(WindowsPaths.junctionProblem("\\\\nas\\share\\sync").orElseThrow().contains("network path"));
        assertTrue(WindowsPaths.junctionProblem("\\\\?\\UNC\\nas\\share\\sync").orElseThrow().contains("network path"));
        assertTrue(WindowsPaths.junctionProblem("//nas/share/sync").orElseThrow().contains("network path"));
        assertThrows(IllegalArgumentException.class, () -> WindowsPaths.junctionNames("\\\\nas\\share"));
    }

    @Test
    void aJunctionCannotPointAtARelativeOrDriveRelativePath() {
        for (String relative : new String[] {"sync\\x", "..\\x", "\\sync\\x", "C:sync", "", "C:\\a\\..\\b", "1:\\x"}) {
            assertTrue(WindowsPaths.junctionProblem(relative).isPresent(), relative);
        }
        assertTrue(WindowsPaths.junctionProblem(null).isPresent());
    }

    @Test
    void driveLettersOfEitherCaseAreAbsolute() {
        assertEquals(Optional.empty(), WindowsPaths.junctionProblem("c:\\x"));
        assertEquals(Optional.of('C'), WindowsPaths.drive("c:\\x"));
        assertEquals(Optional.of('D'), WindowsPaths.drive("\\\\?\\D:\\x"));
        assertEquals(Optional.empty(), WindowsPaths.drive("\\\\nas\\share"));
        assertEquals(Optional.empty(), WindowsPaths.drive("x"));
    }

    @Test
    void ntNamesReadBackAsWin32Paths() {
        assertEquals("C:\\x", WindowsPaths.fromNtName("\\??\\C:\\x"));
        assertEquals("C:\\x", WindowsPaths.fromNtName("\\\\?\\C:\\x"));
        assertEquals("\\\\nas\\share\\x", WindowsPaths.fromNtName("\\??\\UNC\\nas\\share\\x"));
        assertEquals("\\\\nas\\share\\x", WindowsPaths.fromNtName("\\\\?\\UNC\\nas\\share\\x"));
        assertEquals("\\\\?\\Volume{0b1c2d3e-0000-0000-0000-100000000000}\\",
                WindowsPaths.fromNtName("\\??\\Volume{0b1c2d3e-0000-0000-0000-100000000000}\\"));
        assertEquals("..\\sibling", WindowsPaths.fromNtName("..\\sibling"));
    }

    @Test
    void shortPathsAreHandedToWin32Unchanged() {
        assertEquals("C:\\Users\\me\\.claude\\projects", WindowsPaths.forWin32("C:\\Users\\me\\.claude\\projects"));
        assertEquals("C:\\a\\b", WindowsPaths.forWin32("C:/a/b"));
    }

    @Test
    void longPathsGetTheLongPathPrefix() {
        String deep = "C:\\Users\\me\\.claude\\projects\\" + "d".repeat(240);
        assertEquals("\\\\?\\" + deep, WindowsPaths.forWin32(deep));
        String share = "\\\\nas\\share\\" + "d".repeat(250);
        assertEquals("\\\\?\\UNC\\nas\\share\\" + "d".repeat(250), WindowsPaths.forWin32(share));
        String already = "\\\\?\\" + deep;
        assertEquals(already, WindowsPaths.forWin32(already));
    }

    @Test
    void theLongPrefixStartsWhereCreateDirectoryNeedsIt() {
        String at247 = "C:\\" + "a".repeat(244);
        String at248 = "C:\\" + "a".repeat(245);
        assertEquals(at247, WindowsPaths.forWin32(at247));
        assertEquals("\\\\?\\" + at248, WindowsPaths.forWin32(at248));
    }

    @Test
    void aLongRelativePathCannotBeMadeLong() {
        assertThrows(IllegalArgumentException.class, () -> WindowsPaths.forWin32("rel\\" + "a".repeat(300)));
    }
}
