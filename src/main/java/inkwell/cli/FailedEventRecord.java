package inkwell.cli;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the record Lambda sends to an on-failure destination: {@code {"requestContext": {...,
 * "condition": "RetriesExhausted"}, "requestPayload": <the S3 event>, ...}}, giving back the S3
 * event it failed on. Only the fields the publish path reads are kept (event name, bucket, key,
 * version id, sequencer).
 */
final class FailedEventRecord {

  private static final JsonFactory JSON = new JsonFactory();

  private FailedEventRecord() {}

  /** The S3 event in {@code body}; throws IllegalArgumentException if there is none. */
  static S3EventNotification s3Event(String body) {
    Object payload = field(read(body), "requestPayload");
    Object records = field(payload, "Records");
    if (!(records instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "the message holds no S3 event (no requestPayload.Records)");
    }
    List<S3EventNotificationRecord> decoded = new ArrayList<>();
    for (Object record : list) {
      Object s3 = field(record, "s3");
      Object object = field(s3, "object");
      S3ObjectEntity entity =
          new S3ObjectEntity(
              text(object, "key"),
              null,
              text(object, "eTag"),
              text(object, "versionId"),
              text(object, "sequencer"));
      S3BucketEntity bucket = new S3BucketEntity(text(field(s3, "bucket"), "name"), null, null);
      decoded.add(
          new S3EventNotificationRecord(
              text(record, "awsRegion"),
              text(record, "eventName"),
              text(record, "eventSource"),
              null,
              text(record, "eventVersion"),
              null,
              null,
              new S3Entity(null, bucket, entity, null),
              null));
    }
    return new S3EventNotification(decoded);
  }

  private static Object field(Object node, String name) {
    return node instanceof Map<?, ?> map ? map.get(name) : null;
  }

  private static String text(Object node, String name) {
    Object value = field(node, name);
    return value == null ? null : String.valueOf(value);
  }

  private static Object read(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      return value(parser);
    } catch (IOException e) {
      throw new IllegalArgumentException("the message is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The value at the parser's current token: a map, a list, a string, a number, a boolean, null.
   */
  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        map.put(name, value(parser));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(value(parser));
      }
      return list;
    }
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      default -> parser.getText();
    };
  }
}
