package inkwell.aws;

import inkwell.storage.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Listing cursors: the listing index's LastEvaluatedKey as an opaque, URL-safe token. A token is
 * checked on the way in: one that this code did not make, or that belongs to another listing, is an
 * {@link InvalidCursorException} (HTTP 400), never a request to DynamoDB.
 */
final class Cursors {

  private static final char SEPARATOR = '\n';
  private static final int MAX_LENGTH = 2048;

  private Cursors() {}

  static String encode(Map<String, AttributeValue> lastKey) {
    if (lastKey == null || lastKey.isEmpty()) {
      return null;
    }
    String raw =
        String.join(
            String.valueOf(SEPARATOR),
            lastKey.get(PostTable.GSI1_PK).s(),
            lastKey.get(PostTable.GSI1_SK).s(),
            lastKey.get(PostTable.PK).s(),
            lastKey.get(PostTable.SK).s());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, AttributeValue> decode(String cursor, String expectedPartition) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    if (cursor.length() > MAX_LENGTH) {
      throw new InvalidCursorException("cursor is too long");
    }
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("cursor is not a token this site issued");
    }
    String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
    if (parts.length != 4
        || !parts[0].equals(expectedPartition)
        || !parts[2].startsWith(PostTable.POST_PREFIX)
        || !(parts[3].equals(PostTable.POST_SK) || parts[3].startsWith(PostTable.TAG_PREFIX))
        || parts[1].isEmpty()) {
      throw new InvalidCursorException("cursor does not belong to this listing");
    }
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(PostTable.GSI1_PK, AttributeValue.fromS(parts[0]));
    key.put(PostTable.GSI1_SK, AttributeValue.fromS(parts[1]));
    key.put(PostTable.PK, AttributeValue.fromS(parts[2]));
    key.put(PostTable.SK, AttributeValue.fromS(parts[3]));
    return key;
  }
}
