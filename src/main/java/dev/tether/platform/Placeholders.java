package dev.tether.platform;

/**
 * Online-only placeholders: files a sync client shows but keeps in the cloud. Reading one downloads it
 * on demand, slowly or not at all offline, so {@code verify} warns about them. Pure bit tests.
 */
final class Placeholders {
    /** Windows: the data is fetched when it is read (OneDrive, Proton Drive and every Cloud Files provider). */
    static final int FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS = 0x00400000;
    /** Windows: the data is not immediately available (older providers and HSM tiers set this). */
    static final int FILE_ATTRIBUTE_OFFLINE = 0x1000;
    /** GetFileAttributesW's failure value. */
    static final int INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF;

    private Placeholders() {
    }

    static boolean windows(int attributes) {
        return attributes != INVALID_FILE_ATTRIBUTES
                && (attributes & (FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS | FILE_ATTRIBUTE_OFFLINE)) != 0;
    }

    static boolean mac(int stFlags) {
        return (stFlags & MacStat.SF_DATALESS) != 0;
    }
}
