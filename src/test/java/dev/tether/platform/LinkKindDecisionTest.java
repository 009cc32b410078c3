package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.layout.Kind;
import dev.tether.platform.LinkKindDecision.Outcome;
import dev.tether.platform.LinkKindDecision.SymlinkRights;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole table: item kind x symlink rights x whether a junction can reach the target. */
class LinkKindDecisionTest {
    private static final Optional<String> JUNCTION_OK = Optional.empty();
    private static final Optional<String> NETWORK = Optional.of("a junction cannot point at the network path \\\\nas\\s");

    static Stream<Arguments> table() {
        return Stream.of(
                // kind, rights, junction problem, expected kind or null for a refusal
                Arguments.of(Kind.DIR, SymlinkRights.ANY_USER, JUNCTION_OK, LinkKind.SYMLINK),
                Arguments.of(Kind.FILE, SymlinkRights.ANY_USER, JUNCTION_OK, LinkKind.SYMLINK),
                Arguments.of(Kind.DIR, SymlinkRights.PRIVILEGED, JUNCTION_OK, LinkKind.SYMLINK),
                Arguments.of(Kind.FILE, SymlinkRights.PRIVILEGED, JUNCTION_OK, LinkKind.SYMLINK),
                Arguments.of(Kind.DIR, SymlinkRights.DEVELOPER_MODE, JUNCTION_OK, LinkKind.SYMLINK),
                Arguments.of(Kind.FILE, SymlinkRights.DEVELOPER_MODE, JUNCTION_OK, LinkKind.SYMLINK),
                Arguments.of(Kind.DIR, SymlinkRights.NONE, JUNCTION_OK, LinkKind.JUNCTION),
                Arguments.of(Kind.FILE, SymlinkRights.NONE, JUNCTION_OK, null),
                // a network target: a symlink still reaches it; a junction never does
                Arguments.of(Kind.DIR, SymlinkRights.ANY_USER, NETWORK, LinkKind.SYMLINK),
                Arguments.of(Kind.FILE, SymlinkRights.ANY_USER, NETWORK, LinkKind.SYMLINK),
                Arguments.of(Kind.DIR, SymlinkRights.PRIVILEGED, NETWORK, LinkKind.SYMLINK),
                Arguments.of(Kind.FILE, SymlinkRights.PRIVILEGED, NETWORK, LinkKind.SYMLINK),
                Arguments.of(Kind.DIR, SymlinkRights.DEVELOPER_MODE, NETWORK, LinkKind.SYMLINK),
                Arguments.of(Kind.FILE, SymlinkRights.DEVELOPER_MODE, NETWORK, LinkKind.SYMLINK),
                Arguments.of(Kind.DIR, SymlinkRights.NONE, NETWORK, null),
                Arguments.of(Kind.FILE, SymlinkRights.NONE, NETWORK, null));
    }

    @ParameterizedTest(name = "{0} with {1}, junction problem {2} -> {3}")
    @MethodSource("table")
    void everyCombinationHasItsLinkOrARefusalThatSaysHowToTurnOnDeveloperMode(Kind kind, SymlinkRights rights,
            Optional<String> junctionProblem, LinkKind expected) throws Exception {
        Outcome outcome = LinkKindDecision.decide(kind, rights, junctionProblem);
        if (expected != null) {
            assertEquals(new Outcome.Make(expected), outcome);
            assertEquals(expected, LinkKindDecision.kindOrThrow(outcome));
            return;
        }
        Outcome.Refuse refuse = assertInstanceOf(Outcome.Refuse.class, outcome);
        assertTrue(refuse.hint().contains("Developer Mode"), refuse.hint());
        assertTrue(refuse.hint().contains("Settings"), refuse.hint());
        if (kind == Kind.FILE) {
            assertTrue(refuse.reason().contains("stays unlinked"), refuse.reason());
            assertTrue(refuse.reason().contains("never makes a hard link"), refuse.reason());
        } else {
            assertTrue(refuse.reason().contains("network path"), refuse.reason());
        }
        LinkNotPossibleException e = assertThrows(LinkNotPossibleException.class, () -> LinkKindDecision.kindOrThrow(outcome));
        assertEquals(refuse.hint(), e.hint());
    }

    @ParameterizedTest
    @MethodSource("table")
    void onlyWindowsWithoutRightsEverLeavesTheSymlink(Kind kind, SymlinkRights rights, Optional<String> junctionProblem,
            LinkKind expected) {
        boolean symlink = LinkKindDecision.decide(kind, rights, junctionProblem).equals(new Outcome.Make(LinkKind.SYMLINK));
        assertEquals(rights.allowed(), symlink);
    }
}
