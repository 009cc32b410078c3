package dev.tether.detect;

/**
 * iCloud Drive. macOS: {@code ~/Library/Mobile Documents/com~apple~CloudDocs} (File Provider: files can
 * be evicted). Windows: {@code %USERPROFILE%\iCloudDrive} and the Cloud Files roots whose id starts with
 * {@code iCloudDrive}. No client on Linux.
 */
final class ICloudDetector implements Detector {

    @Override
    public Provider provider() {
        return Provider.ICLOUD;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        switch (ctx.os()) {
            case MACOS -> out.addDefault(ctx.home().resolve("Library").resolve("Mobile Documents").resolve("com~apple~CloudDocs"), null);
            case WINDOWS -> {
                out.addCloudFilesRoots(ctx, "iCloudDrive");
                out.addDefault(ctx.home().resolve("iCloudDrive"), null);
            }
            case LINUX -> out.note("Apple has no iCloud client for Linux");
        }
    }
}
