package dev.tether.detect;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * pCloud Drive, a virtual drive whose files are fetched on demand: {@code ~/pCloudDrive} (Linux),
 * {@code ~/pCloud Drive} (macOS), {@code P:\} (Windows). Found when it exists.
 */
final class PCloudDetector implements Detector {

    @Override
    public Provider provider() {
        return Provider.PCLOUD;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        Path drive = switch (ctx.os()) {
            case LINUX -> ctx.home().resolve("pCloudDrive");
            case MACOS -> ctx.home().resolve("pCloud Drive");
            case WINDOWS -> ctx.path("P:\\").orElse(null);
        };
        if (drive == null) {
            return;
        }
        if (Files.isDirectory(drive)) {
            out.addOnlineOnly(drive, FoundBy.DEFAULT_PATH, null, null);
        } else {
            out.note("no " + drive);
        }
    }
}
