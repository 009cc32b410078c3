package dev.tether.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The sync clients whose folders tether can find, with the ids of the CLI contract. */
public enum Provider {
    PROTON_DRIVE("proton-drive", "Proton Drive"),
    DROPBOX("dropbox", "Dropbox"),
    ONEDRIVE("onedrive", "OneDrive"),
    GOOGLE_DRIVE("google-drive", "Google Drive"),
    ICLOUD("icloud", "iCloud Drive"),
    SYNCTHING("syncthing", "Syncthing"),
    NEXTCLOUD("nextcloud", "Nextcloud (or ownCloud)"),
    PCLOUD("pcloud", "pCloud");

    private final String id;
    private final String displayName;

    Provider(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Provider> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Provider::id).toList();
    }
}
