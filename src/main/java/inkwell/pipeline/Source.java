package inkwell.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * A Markdown source as stored: its key (S3 object key or path relative to the content folder), its
 * raw bytes and its last-modified time.
 */
public record Source(String key, byte[] bytes, Instant lastModified) {

  public Source {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
