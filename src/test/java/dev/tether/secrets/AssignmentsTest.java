package dev.tether.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The assignment rule: which names, separators and values make a secret, on single lines. */
class AssignmentsTest {
    private static final String VALUE = "Zq8#Lm2vTx9!Rw4k";

    private static List<String> kinds(String line) {
        return TokenRules.find(line).stream().map(h -> h.kind().id() + " " + h.masked()).toList();
    }

    @Test
    void everyNameEndingEndsInALetterThatTheQuickLookKnows() {
        for (String ending : Assignments.NAME_ENDINGS) {
            assertTrue(Assignments.LAST_LETTERS.indexOf(ending.charAt(ending.length() - 1)) >= 0, ending);
        }
    }

    @Test
    void theUsualSpellingsOfAnAssignmentAreFound() {
        for (String line : List.of("DB_PASSWORD=" + VALUE, "password: '" + VALUE + "'", "\"api_key\": \"" + VALUE + "\"",
                "clientSecret := \"" + VALUE + "\"", "aws_secret_access_key = " + VALUE, "Token:" + VALUE)) {
            assertEquals(List.of("assigned-secret Zq8#…(16 chars)"), kinds(line), line);
        }
    }

    @Test
    void comparisonsReferencesAndOtherNamesAreNot() {
        for (String line : List.of("if (password == \"" + VALUE + "\")", "password != " + VALUE, "password <= " + VALUE,
                "username=" + VALUE, "tokens: " + VALUE, "token: ${" + VALUE + "}", "password=" + VALUE.repeat(20))) {
            assertEquals(List.of(), kinds(line), line);
        }
    }

    @Test
    void aTokenAssignedIsReportedAsItsOwnKindOnce() {
        String gh = new SyntheticTokens(1).github("ghp_");
        assertEquals(List.of("github-token ghp_…(40 chars)"), kinds("GITHUB_TOKEN=" + gh));
    }
}
