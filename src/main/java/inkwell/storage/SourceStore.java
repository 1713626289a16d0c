package inkwell.storage;

import java.time.Instant;
import java.util.Optional;

/** Where Markdown sources are read from: the content bucket, or a folder for the preview. */
public interface SourceStore {

  /** A source's bytes as stored. */
  record StoredSource(String key, byte[] bytes, Instant lastModified, String versionId) {}

  /**
   * The source at {@code key}, at {@code versionId} if not {@code null}; empty if it (or that
   * version) no longer exists. Failures to reach the store are thrown.
   */
  Optional<StoredSource> read(String key, String versionId);

  /**
   * True if {@code key} currently exists. A removal event for a key that still exists was for an
   * old version (or the key was uploaded again since), so the post stays.
   */
  boolean exists(String key);
}
