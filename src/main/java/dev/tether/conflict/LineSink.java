package dev.tether.conflict;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/** Where merged lines go; {@code restart} forgets what was written (the merge changed its strategy). */
interface LineSink {
    void write(byte[] line) throws IOException;

    void restart() throws IOException;

    /** Counts only, for a preview. */
    LineSink DISCARD = new LineSink() {
        @Override
        public void write(byte[] line) {
        }

        @Override
        public void restart() {
        }
    };

    /** Lines to a file through one buffer; a restart truncates the file. */
    final class ToFile implements LineSink {
        private final FileChannel channel;
        private OutputStream out;

        ToFile(FileChannel channel) {
            this.channel = channel;
            this.out = buffered(channel);
        }

        private static OutputStream buffered(FileChannel channel) {
            return new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        }

        @Override
        public void write(byte[] line) throws IOException {
            out.write(line);
            out.write('\n');
        }

        @Override
        public void restart() throws IOException {
            out = buffered(channel); // the old buffer's bytes are dropped unwritten
            channel.truncate(0);
            channel.position(0);
        }

        void flush() throws IOException {
            out.flush();
        }
    }
}
