package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class LoadedLibraryTest {
    interface Nothing extends Library {
        int tether_there_is_no_such_function(int x);

        int abs(int x);
    }

    @Test
    void aLibraryThatIsNotThereFailsEveryUseWithTheSameSentence() {
        LoadedLibrary<Nothing> lib = LoadedLibrary.load("tether-no-such-library", Nothing.class);
        MissingNativeCallException first = assertThrows(MissingNativeCallException.class, () -> lib.get("abs"));
        MissingNativeCallException second = assertThrows(MissingNativeCallException.class, () -> lib.get("abs"));
        assertTrue(first.getMessage().startsWith("this system's library 'tether-no-such-library' does not provide abs"),
                first.getMessage());
        assertSame(first.getCause(), second.getCause());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFunctionMissingFromALoadedLibraryBecomesTheTypedFailure() throws Exception {
        LoadedLibrary<Nothing> c = LoadedLibrary.load("c", Nothing.class);
        assertEquals(7, c.get("abs").abs(-7));
        UnsatisfiedLinkError raw = assertThrows(UnsatisfiedLinkError.class,
                () -> c.get("tether_there_is_no_such_function").tether_there_is_no_such_function(1));
        MissingNativeCallException typed = c.missing("tether_there_is_no_such_function", raw);
        assertTrue(typed.getMessage().contains("does not provide tether_there_is_no_such_function"), typed.getMessage());
        assertSame(raw, typed.getCause());
    }
}
