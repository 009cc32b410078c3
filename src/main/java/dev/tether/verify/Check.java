package dev.tether.verify;

import java.io.IOException;
import java.util.List;

/** One health check of verify: small, read-only, graded. */
public interface Check {
    List<Finding> run(VerifyContext ctx) throws IOException;
}
