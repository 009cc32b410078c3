package dev.tether.detect;

import java.util.List;

/** Every detector, in the order of {@link Provider}. A new provider gets an enum constant, a detector and a line here. */
final class Detectors {
    static final List<Detector> ALL = List.of(new ProtonDriveDetector(), new DropboxDetector(), new OneDriveDetector(),
            new GoogleDriveDetector(), new ICloudDetector(), new SyncthingDetector(), new NextcloudDetector(),
            new PCloudDetector());

    private Detectors() {
    }
}
