package dev.tether.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.util.Iterator;
import java.util.function.Function;

/** A directory listing whose entries pass through a function on their way out (a path wrapped, an entry typed). */
public final class MappedDirectoryStream<A, B> implements DirectoryStream<B> {
    private final DirectoryStream<A> inner;
    private final Function<A, B> map;

    public MappedDirectoryStream(DirectoryStream<A> inner, Function<A, B> map) {
        this.inner = inner;
        this.map = map;
    }

    @Override
    public Iterator<B> iterator() {
        Iterator<A> it = inner.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public B next() {
                return map.apply(it.next());
            }
        };
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
