package inkwell.testenv;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * S3 event notification JSON exactly as S3 sends it to Lambda: one record per event, the key
 * URL-encoded as form data ({@code +} for a space, {@code %2B} for a plus, UTF-8 percent-encoded,
 * slashes kept), with the sequencer and, for versioned buckets, the version id.
 */
public final class S3EventJson {

  private S3EventJson() {}

  /** The key as it appears in an event. */
  public static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  /** {@code ObjectCreated:Put} for {@code key}. */
  public static String put(String bucket, String key, String sequencer, String versionId) {
    return record("ObjectCreated:Put", bucket, key, sequencer, versionId, 1024);
  }

  /** {@code ObjectRemoved:Delete} for {@code key}. */
  public static String delete(String bucket, String key, String sequencer) {
    return record("ObjectRemoved:Delete", bucket, key, sequencer, null, -1);
  }

  /** The notification S3 sends once when an event notification is configured. */
  public static String testEvent(String bucket) {
    return """
        {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-27T08:00:00.000Z",\
        "Bucket":"%s","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}"""
        .formatted(bucket);
  }

  public static String record(
      String eventName, String bucket, String key, String sequencer, String versionId, long size) {
    String object =
        "\"key\":\"%s\",%s%s\"sequencer\":\"%s\""
            .formatted(
                encodeKey(key).replace("\\", "\\\\").replace("\"", "\\\""),
                size >= 0
                    ? "\"size\":" + size + ",\"eTag\":\"0123456789abcdef0123456789abcdef\","
                    : "",
                versionId != null ? "\"versionId\":\"" + versionId + "\"," : "",
                sequencer);
    return """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",\
        "eventTime":"2026-11-27T08:00:00.000Z","eventName":"%s",\
        "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},\
        "requestParameters":{"sourceIPAddress":"203.0.113.7"},\
        "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810",\
        "x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},\
        "s3":{"s3SchemaVersion":"1.0","configurationId":"PublishOnUpload",\
        "bucket":{"name":"%s","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},\
        "arn":"arn:aws:s3:::%s"},"object":{%s}}}]}"""
        .formatted(eventName, bucket, bucket, object);
  }
}
