package inkwell.publish;

import inkwell.storage.Sequencer;
import inkwell.support.Json;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the bucket's events as EventBridge delivers them to the publish queue: one S3 event per
 * message body, {@code {"detail-type": "Object Created", "source": "aws.s3", "detail": {"bucket":
 * {"name": ...}, "object": {"key", "size", "etag", "version-id", "sequencer"}, "reason": ...,
 * "deletion-type": ...}}} (S3 User Guide, "EventBridge event message structure").
 *
 * <p>The key is taken as it is: unlike S3's own notifications, EventBridge's carry the object key
 * without form encoding (a space is a space, {@code +} is {@code +}), so decoding it would turn a
 * {@code +} into a space. An event that is not an object creation or deletion, or that carries no
 * key or no usable sequencer, is logged and skipped: no retry could make it one.
 */
public final class BucketEvents {

  private BucketEvents() {}

  /** The object event in {@code body}, or empty (with one log line saying why) if it is none. */
  public static Optional<ObjectEvent> decode(String body) {
    Map<?, ?> event;
    try {
      event = Json.tree(body) instanceof Map<?, ?> map ? map : Map.of();
    } catch (IllegalArgumentException e) {
      PublishLog.skipped("message is not JSON: " + e.getMessage(), null, null);
      return Optional.empty();
    }
    String detailType = text(event.get("detail-type"));
    if (!"aws.s3".equals(text(event.get("source")))) {
      PublishLog.skipped(
          "not an S3 event (source " + text(event.get("source")) + ")", detailType, null);
      return Optional.empty();
    }
    Map<?, ?> detail = object(event.get("detail"));
    Map<?, ?> object = object(detail.get("object"));
    String key = text(object.get("key"));
    ObjectEvent.Type type = typeOf(detailType);
    if (type == null) {
      PublishLog.skipped("not an Object Created or Object Deleted event", detailType, key);
      return Optional.empty();
    }
    String bucket = text(object(detail.get("bucket")).get("name"));
    if (key == null || key.isEmpty() || bucket == null) {
      PublishLog.skipped("event names no bucket or no object key", detailType, key);
      return Optional.empty();
    }
    String sequencer = text(object.get("sequencer"));
    if (sequencer == null || sequencer.isBlank()) {
      PublishLog.skipped("event has no sequencer, so it cannot be ordered", detailType, key);
      return Optional.empty();
    }
    Sequencer order;
    try {
      order = Sequencer.of(sequencer);
    } catch (IllegalArgumentException e) {
      PublishLog.skipped(e.getMessage(), detailType, key);
      return Optional.empty();
    }
    String versionId = text(object.get("version-id"));
    return Optional.of(
        new ObjectEvent(
            type,
            bucket,
            key,
            versionId == null || versionId.isEmpty() || versionId.equals("null") ? null : versionId,
            order));
  }

  private static ObjectEvent.Type typeOf(String detailType) {
    if ("Object Created".equals(detailType)) {
      return ObjectEvent.Type.CREATED;
    }
    if ("Object Deleted".equals(detailType)) {
      return ObjectEvent.Type.REMOVED;
    }
    return null;
  }

  private static Map<?, ?> object(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }
}
