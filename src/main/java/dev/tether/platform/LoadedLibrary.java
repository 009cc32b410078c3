package dev.tether.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;

/**
 * A JNA library interface as loaded (or not). Keep it in a holder class per OS, so it loads on first use
 * and a Linux process never touches a Windows interface. A failed load is remembered rather than thrown
 * from the static initialiser (which would surface as {@link ExceptionInInitializerError}, then as
 * {@link NoClassDefFoundError}); every use then gets the same typed {@link MissingNativeCallException}.
 */
final class LoadedLibrary<T extends Library> {
    private final String name;
    private final T library;
    private final Throwable failure;

    private LoadedLibrary(String name, T library, Throwable failure) {
        this.name = name;
        this.library = library;
        this.failure = failure;
    }

    static <T extends Library> LoadedLibrary<T> load(String name, Class<T> type) {
        return load(name, type, Map.of());
    }

    static <T extends Library> LoadedLibrary<T> load(String name, Class<T> type, Map<String, ?> options) {
        try {
            return new LoadedLibrary<>(name, Native.load(name, type, options), null);
        } catch (LinkageError | RuntimeException e) {
            return new LoadedLibrary<>(name, null, e);
        }
    }

    /** The library, or a typed failure naming {@code call}, the function the caller was about to use. */
    T get(String call) throws MissingNativeCallException {
        if (library == null) {
            throw new MissingNativeCallException(call, "library '" + name + "'", failure);
        }
        return library;
    }

    /** The failure for a function that is missing from a library that did load. */
    MissingNativeCallException missing(String call, UnsatisfiedLinkError e) {
        return new MissingNativeCallException(call, "library '" + name + "'", e);
    }
}
