package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one edit tether makes to a crontab: only its block changes; every other line keeps its bytes. */
class CrontabBlockTest {
    private static final String BLOCK = CrontabBlock.render(Jobs.jar(), Jobs.DAILY);
    private static final String OTHER = CrontabBlock.render(Jobs.nativeBinary(), Jobs.HOURLY);
    private static final String USERS = "MAILTO=me@example.org\r\n# my jobs  \n*/5 * * * * /usr/bin/true  # keep   spacing\n\n";

    @Test
    void anEmptyCrontabGetsTheBlockAlone() {
        assertEquals(BLOCK, CrontabBlock.apply("", Optional.of(BLOCK)));
    }

    @Test
    void theBlockIsAppendedAfterTheUsersLines() {
        assertEquals(USERS + BLOCK, CrontabBlock.apply(USERS, Optional.of(BLOCK)));
    }

    @Test
    void aLastLineWithoutLineEndGetsOneBeforeTheBlock() {
        assertEquals("0 1 * * * x\n" + BLOCK, CrontabBlock.apply("0 1 * * * x", Optional.of(BLOCK)));
    }

    @Test
    void aSecondInstallReplacesTheBlockInPlace() {
        String installed = CrontabBlock.apply(USERS, Optional.of(BLOCK)) + "1 2 * * * later-line\n";
        assertEquals(USERS + OTHER + "1 2 * * * later-line\n", CrontabBlock.apply(installed, Optional.of(OTHER)));
    }

    @Test
    void installingTheSameBlockTwiceChangesNothing() {
        String once = CrontabBlock.apply(USERS, Optional.of(BLOCK));
        assertEquals(once, CrontabBlock.apply(once, Optional.of(BLOCK)));
    }

    @Test
    void removingTakesOnlyTheBlock() {
        String installed = USERS + BLOCK + "1 2 * * * later-line";
        assertEquals(USERS + "1 2 * * * later-line", CrontabBlock.apply(installed, Optional.empty()));
    }

    @Test
    void removingWhenThereIsNoBlockChangesNothing() {
        assertEquals(USERS, CrontabBlock.apply(USERS, Optional.empty()));
    }

    @Test
    void findReturnsTheBlockOnly() {
        assertEquals(Optional.of(BLOCK), CrontabBlock.find(USERS + BLOCK + "x\n"));
        assertTrue(CrontabBlock.find(USERS).isEmpty());
    }

    @Test
    void aHalfBlockIsRefusedRatherThanGuessed() {
        for (String broken : new String[] {USERS + CrontabBlock.BEGIN + "\n0 1 * * * x\n", CrontabBlock.END + "\n",
            BLOCK + BLOCK}) {
            assertThrows(Failure.BadInput.class, () -> CrontabBlock.apply(broken, Optional.of(BLOCK)), broken);
        }
    }
}
