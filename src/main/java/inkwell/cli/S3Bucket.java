package inkwell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link Bucket} on S3: ListObjectsV2, PutObject, DeleteObject, and GetObject of status files. */
final class S3Bucket implements Bucket {

  private static final JsonFactory JSON = new JsonFactory();

  private final S3Client s3;
  private final String bucket;
  private final String statusPrefix;

  S3Bucket(S3Client s3, String bucket, String statusPrefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.statusPrefix = statusPrefix;
  }

  @Override
  public Map<String, String> eTags(String prefix) {
    Map<String, String> objects = new LinkedHashMap<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
      objects.put(object.key(), unquoted(object.eTag()));
    }
    return objects;
  }

  @Override
  public Written put(String key, byte[] bytes, String contentType) {
    var response =
        s3.putObject(
            r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    return new Written(key, blankToNull(response.versionId()), unquoted(response.eTag()));
  }

  @Override
  public Written delete(String key) {
    var response = s3.deleteObject(r -> r.bucket(bucket).key(key));
    return new Written(key, blankToNull(response.versionId()), null);
  }

  @Override
  public Optional<String> rejectedVersion(String sourceKey) {
    byte[] json;
    try {
      json =
          s3.getObjectAsBytes(r -> r.bucket(bucket).key(statusPrefix + sourceKey + ".json"))
              .asByteArrayUnsafe();
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("versionId") && value == JsonToken.VALUE_STRING) {
          return Optional.ofNullable(blankToNull(parser.getText()));
        }
        parser.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the status file of " + sourceKey + " is not JSON: " + e.getMessage(), e);
    }
  }

  private static String unquoted(String eTag) {
    return eTag == null ? null : eTag.replace("\"", "").toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() || value.equals("null") ? null : value;
  }
}
