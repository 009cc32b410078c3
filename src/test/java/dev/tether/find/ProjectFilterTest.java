package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --project matches the path or the folder name, in any case, and the folder name alone decides the same. */
class ProjectFilterTest {
    @Test
    void matchesThePathInAnyCase() {
        assertTrue(new ProjectFilter("code/APP").matches("-home-me-code-app", "/home/me/code/app"));
    }

    @Test
    void theFolderNameAloneMatchesWhatThePathWouldMatch() {
        String[][] cases = {{"code/app", "/home/me/code/app"}, {"Bücher app", "/home/me/code/Bücher app"},
                {"bücher", "/home/me/code/Bücher app"}, {"me/code/B", "/home/me/code/Bücher app"}, {".config", "/home/me/.config/x"},
                {"app", "/home/me/code/app"}};
        for (String[] c : cases) {
            ProjectFilter f = new ProjectFilter(c[0]);
            String path = c[1];
            String key = path.replace('/', '-').replace('.', '-');
            assertTrue(f.matches(key, path), c[0]);
            assertTrue(f.matches(key, null), c[0]);
            assertTrue(f.matches(path.replaceAll("[^A-Za-z0-9]", "-"), null), c[0] + " against a key with every other character a dash");
        }
    }

    @Test
    void doesNotMatchOtherProjects() {
        assertFalse(new ProjectFilter("api").matches("-home-me-code-app", "/home/me/code/app"));
        assertFalse(new ProjectFilter("api").matches("-home-me-code-app", null));
    }

    @Test
    void noTextMatchesEverything() {
        assertTrue(ProjectFilter.ANY.matches("-x", null));
        assertTrue(new ProjectFilter("").matches("-x", "/x"));
    }
}
