package dev.tether.detect;

import java.nio.file.Path;

/**
 * What a detector reports before anything about the folder itself is checked.
 *
 * @param source the file, variable or registry key that named the path (null for a default path)
 * @param account the account or folder label the client gives it, when it says
 * @param onlineOnly the detector knows the client can keep files there online only (a virtual drive,
 *     a Cloud Files root)
 */
record Candidate(Provider provider, Path path, FoundBy foundBy, String source, String account, boolean onlineOnly) {
}
