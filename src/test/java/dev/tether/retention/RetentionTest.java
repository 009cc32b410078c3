package dev.tether.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The effective cleanupPeriodDays: managed settings win, then the user's, then the default 30. */
class RetentionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void nothingSetMeansTheDefaultThirtyDaysWhichDeletes() {
        Retention r = Retention.effective(null, null);
        assertEquals(new Retention(30, Retention.Source.DEFAULT, null), r);
        assertTrue(r.deletes());
    }

    @Test
    void theUsersValueCountsWhenTheManagedSettingsSetNone() throws Exception {
        Retention r = Retention.effective(json("{\"model\":\"x\"}"), json("{\"cleanupPeriodDays\":36500}"));
        assertEquals(new Retention(36500, Retention.Source.USER, null), r);
        assertFalse(r.deletes());
    }

    @Test
    void theManagedValueWins() throws Exception {
        assertEquals(new Retention(45, Retention.Source.MANAGED, null),
                Retention.effective(json("{\"cleanupPeriodDays\":45}"), json("{\"cleanupPeriodDays\":36500}")));
    }

    @Test
    void aValueClaudeCodeRejectsDoesNotCountAndIsNamed() throws Exception {
        for (String bad : new String[] {"0", "-3", "1.5", "\"90\"", "null", "99999999999"}) {
            Retention r = Retention.effective(null, json("{\"cleanupPeriodDays\":" + bad + "}"));
            assertEquals(Retention.Source.DEFAULT, r.source(), bad);
            assertNotNull(r.problem(), bad);
        }
        assertNull(Retention.effective(null, json("{\"cleanupPeriodDays\":99999}")).problem());
    }
}
