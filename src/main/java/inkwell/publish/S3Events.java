package inkwell.publish;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import inkwell.storage.Sequencer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes S3 event notifications into {@link ObjectEvent}s. Keys arrive URL-encoded as form data
 * ({@code +} for a space, {@code %2B} for a plus) and are decoded here, once. Records that are not
 * object creations or removals ({@code s3:TestEvent}, restores, replication, unknown names) or that
 * carry no sequencer are skipped with one log line each.
 */
public final class S3Events {

  private S3Events() {}

  /**
   * The object events of {@code notification}'s records; records that are not are logged and
   * skipped.
   */
  public static List<ObjectEvent> decode(S3EventNotification notification) {
    List<ObjectEvent> events = new ArrayList<>();
    if (notification == null || notification.getRecords() == null) {
      PublishLog.skipped("no records (s3:TestEvent or an empty notification)", null, null);
      return events;
    }
    for (S3EventNotificationRecord record : notification.getRecords()) {
      String name = record.getEventName() == null ? "" : record.getEventName();
      ObjectEvent.Type type = typeOf(name);
      if (record.getS3() == null || record.getS3().getObject() == null) {
        PublishLog.skipped("record has no object", name, null);
        continue;
      }
      var object = record.getS3().getObject();
      String key = object.getUrlDecodedKey();
      if (type == null) {
        PublishLog.skipped("not an ObjectCreated or ObjectRemoved event", name, key);
        continue;
      }
      if (object.getSequencer() == null || object.getSequencer().isBlank()) {
        PublishLog.skipped("record has no sequencer, so it cannot be ordered", name, key);
        continue;
      }
      Sequencer sequencer;
      try {
        sequencer = Sequencer.of(object.getSequencer());
      } catch (IllegalArgumentException e) {
        PublishLog.skipped(e.getMessage(), name, key);
        continue;
      }
      String versionId = object.getVersionId();
      events.add(
          new ObjectEvent(
              type,
              record.getS3().getBucket().getName(),
              key,
              versionId == null || versionId.isEmpty() || versionId.equals("null")
                  ? null
                  : versionId,
              sequencer));
    }
    return events;
  }

  private static ObjectEvent.Type typeOf(String eventName) {
    String name = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
    if (name.startsWith("ObjectCreated:")) {
      return ObjectEvent.Type.CREATED;
    }
    if (name.startsWith("ObjectRemoved:")) {
      return ObjectEvent.Type.REMOVED;
    }
    return null;
  }
}
