package dev.tether.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import dev.tether.detect.Detection;
import dev.tether.detect.FoundBy;
import dev.tether.detect.Provider;
import dev.tether.detect.SyncRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RootChoiceTest {
    private static final Path CLAUDE = Path.of("/home/me/.claude");
    private static final SyncRoot DROPBOX = root(Provider.DROPBOX, "/home/me/Dropbox", true);
    private static final SyncRoot DROPBOX_BUSINESS = root(Provider.DROPBOX, "/home/me/Dropbox (Acme)", true);
    private static final SyncRoot SYNCTHING = root(Provider.SYNCTHING, "/home/me/Sync", true);
    private static final SyncRoot GONE = root(Provider.ONEDRIVE, "/home/me/OneDrive", false);

    private static SyncRoot root(Provider provider, String path, boolean exists) {
        return new SyncRoot(provider, Path.of(path), FoundBy.CONFIG_FILE, "/cfg", null, exists, exists, true, false);
    }

    private static Supplier<Detection> found(SyncRoot... roots) {
        return () -> new Detection(List.of(roots), List.of());
    }

    private static final RootChoice.Picker UNUSED = roots -> {
        throw new AssertionError("nobody should have been asked");
    };

    @Test
    void syncRootOptionWinsWithoutDetecting() throws IOException {
        RootChoice.Chosen c = RootChoice.choose("/x", Provider.DROPBOX, Optional.of("/recorded"),
                () -> { throw new AssertionError("detected"); }, CLAUDE, UNUSED);

        assertEquals("/x", c.root());
        assertEquals(RootChoice.Source.OPTION, c.source());
    }

    @Test
    void providerComesBeforeTheRecordedRoot() throws IOException {
        RootChoice.Chosen c = RootChoice.choose(null, Provider.SYNCTHING, Optional.of("/recorded"), found(DROPBOX, SYNCTHING),
                CLAUDE, UNUSED);

        assertEquals("/home/me/Sync", c.root());
        assertEquals(RootChoice.Source.PROVIDER, c.source());
    }

    @Test
    void theRecordedRootComesBeforeDetection() throws IOException {
        RootChoice.Chosen c = RootChoice.choose(null, null, Optional.of("/recorded"), () -> { throw new AssertionError(); },
                CLAUDE, UNUSED);

        assertEquals("/recorded", c.root());
        assertEquals(RootChoice.Source.RECORDED, c.source());
    }

    @Test
    void theSingleUsableDetectedRootIsChosen() throws IOException {
        RootChoice.Chosen c = RootChoice.choose(null, null, Optional.empty(), found(GONE, DROPBOX), CLAUDE, UNUSED);

        assertEquals("/home/me/Dropbox", c.root());
        assertEquals(RootChoice.Source.DETECTED, c.source());
        assertTrue(c.because().contains("config-file"), c.because());
    }

    @Test
    void severalUsableRootsAreHandedToThePicker() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        RootChoice.Chosen c = RootChoice.choose(null, null, Optional.empty(), found(DROPBOX, GONE, SYNCTHING), CLAUDE, roots -> {
            asked.incrementAndGet();
            assertEquals(List.of(DROPBOX, SYNCTHING), roots);
            return roots.get(1);
        });

        assertEquals(1, asked.get());
        assertEquals("/home/me/Sync", c.root());
    }

    @Test
    void severalRootsWithoutATerminalIsExit2ListingThem() {
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> RootChoice.choose(null, null, Optional.empty(),
                found(DROPBOX, SYNCTHING), CLAUDE, RootChoice.NO_TERMINAL));

        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("/home/me/Dropbox") && e.getMessage().contains("/home/me/Sync"), e.getMessage());
        assertTrue(e.hint().contains("--provider"), e.hint());
    }

    @Test
    void severalRootsOfTheAskedProviderAlsoNeedAChoice() {
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> RootChoice.choose(null, Provider.DROPBOX, Optional.empty(),
                found(DROPBOX, DROPBOX_BUSINESS, SYNCTHING), CLAUDE, RootChoice.NO_TERMINAL));

        assertTrue(e.getMessage().contains("Dropbox (Acme)"), e.getMessage());
        assertTrue(!e.getMessage().contains("/home/me/Sync"), e.getMessage());
    }

    @Test
    void aProviderThatIsNotFoundIsExit2() {
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> RootChoice.choose(null, Provider.PCLOUD, Optional.empty(),
                found(DROPBOX), CLAUDE, UNUSED));

        assertTrue(e.getMessage().startsWith("no pCloud folder was found"), e.getMessage());
    }

    @Test
    void aProviderFoundOnlyWhereSetupCannotUseItSaysWhy() {
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> RootChoice.choose(null, Provider.ONEDRIVE, Optional.empty(),
                found(GONE), CLAUDE, UNUSED));

        assertTrue(e.getMessage().contains("/home/me/OneDrive does not exist"), e.getMessage());
    }

    @Test
    void nothingRecordedAndNothingDetectedIsExit2() {
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> RootChoice.choose(null, null, Optional.empty(),
                found(GONE), CLAUDE, UNUSED));

        assertTrue(e.hint().contains("--sync-root"), e.hint());
    }
}
