package dev.tether.platform;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.win32.StdCallLibrary;
import java.io.IOException;

/**
 * The kernel32 calls tether makes, each wrapped so a failure is a typed {@link IOException} (see
 * {@link WindowsErrors}) and a missing function a {@link MissingNativeCallException}. Paths arrive as
 * strings already made Win32-ready by {@link WindowsPaths#forWin32}.
 *
 * <p>Declared here rather than taken from jna-platform's {@code Kernel32}: that one lacks
 * {@code CreateSymbolicLinkW} and {@code RemoveDirectoryW}, and its HANDLE and ByReference types would each
 * need reflection metadata in the native image. Plain {@link Pointer}, {@link WString}, {@code byte[]} and
 * {@code int[]} need none; only this interface needs a dynamic-proxy entry.
 */
final class WindowsNative {
    static final int GENERIC_READ = 0x80000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int FILE_SHARE_ALL = 0x1 | 0x2 | 0x4; // read, write, delete: a sync client or the indexer may hold it open
    static final int OPEN_EXISTING = 3;
    static final int FILE_FLAG_OPEN_REPARSE_POINT = 0x00200000; // open the junction itself, not its target
    static final int FILE_FLAG_BACKUP_SEMANTICS = 0x02000000; // needed to open a directory at all
    /** Full CTL_CODE values; jna-platform's {@code Winioctl.FSCTL_*_REPARSE_POINT} are only the function numbers. */
    static final int FSCTL_SET_REPARSE_POINT = 0x000900A4;
    static final int FSCTL_GET_REPARSE_POINT = 0x000900A8;
    static final int FSCTL_DELETE_REPARSE_POINT = 0x000900AC;
    static final int SYMBOLIC_LINK_FLAG_DIRECTORY = 0x1;
    static final int SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE = 0x2;
    /** MoveFileExW flags: none. Without MOVEFILE_REPLACE_EXISTING an existing destination fails the call. */
    static final int MOVEFILE_NO_REPLACE = 0;

    private WindowsNative() {
    }

    /** kernel32, as far as tether uses it. BOOL maps to Java boolean (4 bytes); BOOLEAN (1 byte) to byte. */
    interface Kernel32Calls extends StdCallLibrary {
        Pointer CreateFileW(WString path, int access, int share, Pointer security, int disposition, int flags, Pointer template);

        boolean CloseHandle(Pointer handle);

        boolean CreateDirectoryW(WString path, Pointer security);

        boolean RemoveDirectoryW(WString path);

        boolean DeviceIoControl(Pointer device, int code, byte[] in, int inSize, byte[] out, int outSize, int[] returned,
                Pointer overlapped);

        int GetFileAttributesW(WString path);

        boolean MoveFileExW(WString from, WString to, int flags);

        byte CreateSymbolicLinkW(WString link, WString target, int flags);
    }

    private static final class Holder {
        static final LoadedLibrary<Kernel32Calls> KERNEL32 = LoadedLibrary.load("kernel32", Kernel32Calls.class);
    }

    private static Kernel32Calls k32(String call) throws MissingNativeCallException {
        return Holder.KERNEL32.get(call);
    }

    static void moveNoReplace(String from, String to) throws IOException {
        boolean ok;
        try {
            ok = k32("MoveFileExW").MoveFileExW(new WString(from), new WString(to), MOVEFILE_NO_REPLACE);
        } catch (UnsatisfiedLinkError e) {
            throw Holder.KERNEL32.missing("MoveFileExW", e);
        }
        if (!ok) {
            throw WindowsErrors.toException(Native.getLastError(), "MoveFileExW", from, to);
        }
    }

    static void createDirectory(String path) throws IOException {
        boolean ok;
        try {
            ok = k32("CreateDirectoryW").CreateDirectoryW(new WString(path), null);
        } catch (UnsatisfiedLinkError e) {
            throw Holder.KERNEL32.missing("CreateDirectoryW", e);
        }
        if (!ok) {
            throw WindowsErrors.toException(Native.getLastError(), "CreateDirectoryW", path, null);
        }
    }

    /** Removes an empty directory or a junction (never what a junction points at). */
    static void removeDirectory(String path) throws IOException {
        boolean ok;
        try {
            ok = k32("RemoveDirectoryW").RemoveDirectoryW(new WString(path));
        } catch (UnsatisfiedLinkError e) {
            throw Holder.KERNEL32.missing("RemoveDirectoryW", e);
        }
        if (!ok) {
            throw WindowsErrors.toException(Native.getLastError(), "RemoveDirectoryW", path, null);
        }
    }

    static int attributes(String path) throws IOException {
        int attrs;
        try {
            attrs = k32("GetFileAttributesW").GetFileAttributesW(new WString(path));
        } catch (UnsatisfiedLinkError e) {
            throw Holder.KERNEL32.missing("GetFileAttributesW", e);
        }
        if (attrs == Placeholders.INVALID_FILE_ATTRIBUTES) {
            throw WindowsErrors.toException(Native.getLastError(), "GetFileAttributesW", path, null);
        }
        return attrs;
    }

    /** Creates a symbolic link; returns 0 on success, else the Win32 error (the caller decides what 1314 means). */
    static int createSymbolicLink(String link, String target, int flags) throws MissingNativeCallException {
        try {
            byte ok = k32("CreateSymbolicLinkW").CreateSymbolicLinkW(new WString(link), new WString(target), flags);
            return ok != 0 ? 0 : Native.getLastError();
        } catch (UnsatisfiedLinkError e) {
            throw Holder.KERNEL32.missing("CreateSymbolicLinkW", e);
        }
    }

    /** Opens a directory itself (a junction, not its target) for reparse-point requests. */
    static Handle openReparsePoint(String path, boolean write) throws IOException {
        Pointer h;
        try {
            h = k32("CreateFileW").CreateFileW(new WString(path), write ? GENERIC_READ | GENERIC_WRITE : 0, FILE_SHARE_ALL,
                    null, OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_BACKUP_SEMANTICS, null);
        } catch (UnsatisfiedLinkError e) {
            throw Holder.KERNEL32.missing("CreateFileW", e);
        }
        if (h == null || Pointer.nativeValue(h) == -1L) { // INVALID_HANDLE_VALUE
            throw WindowsErrors.toException(Native.getLastError(), "CreateFileW", path, null);
        }
        return new Handle(h, path);
    }

    /** An open directory handle; closed by try-with-resources. */
    static final class Handle implements AutoCloseable {
        private final Pointer handle;
        private final String path;

        private Handle(Pointer handle, String path) {
            this.handle = handle;
            this.path = path;
        }

        /** FSCTL_GET_REPARSE_POINT into {@code out}; returns the number of bytes written. */
        int getReparsePoint(byte[] out) throws IOException {
            int[] returned = new int[1];
            control(FSCTL_GET_REPARSE_POINT, "FSCTL_GET_REPARSE_POINT", null, out, returned);
            return returned[0];
        }

        void setReparsePoint(byte[] data) throws IOException {
            control(FSCTL_SET_REPARSE_POINT, "FSCTL_SET_REPARSE_POINT", data, null, new int[1]);
        }

        /** Turns the junction back into the empty directory it was made from; the kernel checks the tag. */
        void deleteReparsePoint(byte[] request) throws IOException {
            control(FSCTL_DELETE_REPARSE_POINT, "FSCTL_DELETE_REPARSE_POINT", request, null, new int[1]);
        }

        private void control(int code, String name, byte[] in, byte[] out, int[] returned) throws IOException {
            boolean ok;
            try {
                ok = k32("DeviceIoControl").DeviceIoControl(handle, code, in, in == null ? 0 : in.length, out,
                        out == null ? 0 : out.length, returned, null);
            } catch (UnsatisfiedLinkError e) {
                throw Holder.KERNEL32.missing("DeviceIoControl", e);
            }
            if (!ok) {
                throw WindowsErrors.toException(Native.getLastError(), "DeviceIoControl " + name, path, null);
            }
        }

        @Override
        public void close() {
            try {
                k32("CloseHandle").CloseHandle(handle);
            } catch (MissingNativeCallException | UnsatisfiedLinkError e) {
                // cannot happen once CreateFileW worked from the same library; nothing left to do
            }
        }
    }
}
