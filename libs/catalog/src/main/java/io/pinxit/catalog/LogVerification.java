package io.pinxit.catalog;

import java.util.UUID;

/**
 * The outcome of walking the provenance log: how many entries hold, and where history was first rewritten.
 *
 * @param intactEntries how many entries, from the first, hold
 * @param headHash      the hash of the last entry when the whole log holds: publish it to pin today's history
 * @param brokenAt      the sequence number of the first entry that does not hold
 */
public record LogVerification(boolean intact, long intactEntries, String headHash, Long brokenAt,
                              UUID artworkId, String problem) {

    static LogVerification intact(long entries, String headHash) {
        return new LogVerification(true, entries, headHash, null, null, null);
    }

    static LogVerification broken(long intactEntries, long brokenAt, UUID artworkId, String problem) {
        return new LogVerification(false, intactEntries, null, brokenAt, artworkId, problem);
    }
}
