package dev.tether.platform;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real registry, through jna-platform's {@link Advapi32Util}. Only {@link Platform#registry()} on
 * Windows creates one, so Linux and macOS never load Advapi32. Errors read as "nothing there": detection
 * must never fail because a key is missing or unreadable.
 */
final class WindowsRegistry implements RegistryReader {

    @Override
    public List<String> subkeys(Hive hive, String key) {
        try {
            WinReg.HKEY root = root(hive);
            return Advapi32Util.registryKeyExists(root, key) ? List.of(Advapi32Util.registryGetKeys(root, key)) : List.of();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    @Override
    public Map<String, String> values(Hive hive, String key) {
        try {
            WinReg.HKEY root = root(hive);
            if (!Advapi32Util.registryKeyExists(root, key)) {
                return Map.of();
            }
            Map<String, String> strings = new LinkedHashMap<>();
            Advapi32Util.registryGetValues(root, key).forEach((name, value) -> {
                if (value instanceof String s) {
                    strings.put(name, s);
                }
            });
            return strings;
        } catch (RuntimeException | LinkageError e) {
            return Map.of();
        }
    }

    @Override
    public Optional<String> userSid() {
        try {
            return Optional.ofNullable(Advapi32Util.getAccountByName(Advapi32Util.getUserName()).sidString);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static WinReg.HKEY root(Hive hive) {
        return hive == Hive.CURRENT_USER ? WinReg.HKEY_CURRENT_USER : WinReg.HKEY_LOCAL_MACHINE;
    }
}
