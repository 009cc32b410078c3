package dev.tether.apply;

/** Told about the bytes and files of a long copy; the CLI draws a progress line from it. */
public interface Progress {
    void start(String what, long totalBytes, long totalFiles);

    void advance(long bytes, long files);

    void finish();

    Progress NONE = new Progress() {
        @Override
        public void start(String what, long totalBytes, long totalFiles) {
        }

        @Override
        public void advance(long bytes, long files) {
        }

        @Override
        public void finish() {
        }
    };
}
