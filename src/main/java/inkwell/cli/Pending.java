package inkwell.cli;

import inkwell.storage.Sequencer;

/**
 * A post written to the bucket whose outcome is awaited.
 *
 * @param contentHash for an upload, the content hash the post must carry; {@code null} for a
 *     removal
 * @param versionId the version the write created, {@code null} in an unversioned bucket
 * @param before the latest sequencer applied for the key before the write, {@code null} if none
 */
record Pending(
    String key, boolean removal, String contentHash, String versionId, Sequencer before) {}
