package inkwell.publish;

import inkwell.storage.Sequencer;
import java.util.Objects;

/**
 * One S3 object event, decoded: what happened to which key, in which order.
 *
 * @param key the object key, URL-decoded
 * @param versionId the object version the event is about, or {@code null} if unversioned
 */
public record ObjectEvent(
    Type type, String bucket, String key, String versionId, Sequencer sequencer) {

  /** What happened to the object. */
  public enum Type {
    CREATED,
    REMOVED
  }

  public ObjectEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sequencer, "sequencer");
  }
}
