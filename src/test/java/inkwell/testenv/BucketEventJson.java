package inkwell.testenv;

import inkwell.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The content bucket's events as the publish function receives them: S3 sends each object event to
 * EventBridge (S3 User Guide, "EventBridge event message structure": the key as it is, not
 * URL-encoded; {@code version-id}, {@code sequencer}; {@code deletion-type} and {@code reason} for
 * deletions), the publish rule puts the whole event in a message of the publish queue, and Lambda's
 * SQS event source hands a batch of messages to the function as an SQS event (Lambda Developer
 * Guide, "Using Lambda with Amazon SQS"; FIFO attributes included).
 */
public final class BucketEventJson {

  /** Where the publish queue's messages come from, in the records' {@code eventSourceARN}. */
  private static final String PUBLISH_QUEUE_URL =
      "https://sqs.us-east-1.amazonaws.com/123456789012/blog-publish.fifo";

  private static final AtomicLong SEQUENCE_NUMBER = new AtomicLong(18_800_000_000_000_000L);

  private BucketEventJson() {}

  /** An SQS event holding one {@code Object Created} event for {@code key}. */
  public static String put(String bucket, String key, String sequencer, String versionId) {
    return sqsEvent(created(bucket, key, sequencer, versionId));
  }

  /** An SQS event holding one {@code Object Deleted} event (a delete marker) for {@code key}. */
  public static String delete(String bucket, String key, String sequencer) {
    return sqsEvent(deleted(bucket, key, sequencer));
  }

  /** EventBridge's {@code Object Created} event for a PutObject of {@code key}. */
  public static String created(String bucket, String key, String sequencer, String versionId) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", key);
    object.put("size", 1024);
    object.put("etag", "0123456789abcdef0123456789abcdef");
    if (versionId != null) {
      object.put("version-id", versionId);
    }
    object.put("sequencer", sequencer);
    return event("Object Created", bucket, object, Map.of("reason", "PutObject"));
  }

  /**
   * EventBridge's {@code Object Deleted} event for a DeleteObject of {@code key} in a versioned
   * bucket: a delete marker, whose version id the event carries.
   */
  public static String deleted(String bucket, String key, String sequencer) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", key);
    object.put("version-id", "dm-" + sequencer);
    object.put("sequencer", sequencer);
    return event(
        "Object Deleted",
        bucket,
        object,
        Map.of("reason", "DeleteObject", "deletion-type", "Delete Marker Created"));
  }

  /** An EventBridge event from S3 of any {@code detailType}, with {@code object} as its object. */
  public static String event(
      String detailType, String bucket, Map<String, Object> object, Map<String, Object> more) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("version", "0");
    detail.put("bucket", Map.of("name", bucket));
    detail.put("object", object);
    detail.put("request-id", "N4N7GDK58NMKJ12R");
    detail.put("requester", "123456789012");
    detail.put("source-ip-address", "203.0.113.7");
    detail.putAll(more);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", detailType);
    event.put("source", "aws.s3");
    event.put("account", "123456789012");
    event.put("time", "2026-12-06T08:00:00Z");
    event.put("region", "us-east-1");
    event.put("resources", List.of("arn:aws:s3:::" + bucket));
    event.put("detail", detail);
    return Json.write(event);
  }

  /**
   * The SQS event Lambda sends for {@code bodies}, messages of the publish queue's one message
   * group, in order, each received for the first time; the records as {@link SqsDelivery} writes
   * those of messages received from a queue.
   */
  public static String sqsEvent(String... bodies) {
    List<Message> messages = new ArrayList<>();
    for (String body : bodies) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("ApproximateReceiveCount", "1");
      attributes.put("SentTimestamp", "1765008000000");
      attributes.put("SequenceNumber", Long.toString(SEQUENCE_NUMBER.incrementAndGet()));
      attributes.put("MessageGroupId", "publish");
      attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
      attributes.put("MessageDeduplicationId", UUID.randomUUID().toString());
      attributes.put("ApproximateFirstReceiveTimestamp", "1765008000100");
      messages.add(
          Message.builder()
              .messageId(UUID.randomUUID().toString())
              .receiptHandle("AQEB" + UUID.randomUUID())
              .body(body)
              .attributesWithStrings(attributes)
              .md5OfBody(md5(body))
              .build());
    }
    return SqsDelivery.eventJson(PUBLISH_QUEUE_URL, messages);
  }

  private static String md5(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
