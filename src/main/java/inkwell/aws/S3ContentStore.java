package inkwell.aws;

import inkwell.post.PostError;
import inkwell.storage.MediaStore;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceStore;
import inkwell.storage.StatusStore;
import inkwell.support.Json;
import inkwell.support.StructuredLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The content bucket: Markdown sources under the posts prefix, status files (why an upload did not
 * go live) under the status prefix, and bodies too large for DynamoDB under the bodies prefix.
 * Neither of the last two may lie under the posts prefix: writing there would trigger the publish
 * function again. Thread-safe.
 */
public final class S3ContentStore implements SourceStore, StatusStore, BodyStore, MediaStore {

  private static final StructuredLog LOG = new StructuredLog("inkwell.aws.s3");

  private final S3Client s3;
  private final String bucket;
  private final String statusPrefix;
  private final String bodiesPrefix;
  private final String mediaPrefix;

  public S3ContentStore(
      S3Client s3, String bucket, String postsPrefix, String statusPrefix, String bodiesPrefix) {
    this(s3, bucket, postsPrefix, statusPrefix, bodiesPrefix, "media/");
  }

  public S3ContentStore(
      S3Client s3,
      String bucket,
      String postsPrefix,
      String statusPrefix,
      String bodiesPrefix,
      String mediaPrefix) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.statusPrefix = outside(postsPrefix, statusPrefix, "status prefix");
    this.bodiesPrefix = outside(postsPrefix, bodiesPrefix, "bodies prefix");
    this.mediaPrefix = Objects.requireNonNull(mediaPrefix, "mediaPrefix");
  }

  private static String outside(String postsPrefix, String prefix, String what) {
    Objects.requireNonNull(prefix, what);
    if (prefix.isEmpty() || prefix.startsWith(postsPrefix) || postsPrefix.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " \""
              + prefix
              + "\" must be a separate prefix outside the posts prefix \""
              + postsPrefix
              + "\", or every write there would trigger the publish function");
    }
    return prefix;
  }

  @Override
  public Optional<StoredSource> read(String key, String versionId) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (versionId != null) {
      request.versionId(versionId);
    }
    try {
      ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(request.build());
      GetObjectResponse response = object.response();
      Instant lastModified =
          response.lastModified() != null ? response.lastModified() : Instant.EPOCH;
      return Optional.of(
          new StoredSource(key, object.asByteArray(), lastModified, response.versionId()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty(); // NoSuchVersion: that version was deleted
      }
      throw e;
    }
  }

  @Override
  public boolean exists(String key) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** The key of the status file for {@code sourceKey}: {@code _status/posts/hello.md.json}. */
  public String statusKey(String sourceKey) {
    return statusPrefix + sourceKey + ".json";
  }

  @Override
  public void reportFailure(
      String sourceKey, Sequencer sequencer, String versionId, PostError error, Instant at) {
    String json =
        Json.object(
            "source",
            sourceKey,
            "status",
            "rejected",
            "summary",
            error.describe(sourceKey),
            "error",
            position(error),
            "versionId",
            versionId,
            "sequencer",
            sequencer.normalized(),
            "at",
            at,
            "note",
            "The previous version of this post, if any, is still live.");
    writeStatus(sourceKey, json);
  }

  @Override
  public void reportWarnings(
      String sourceKey,
      Sequencer sequencer,
      String versionId,
      List<PostError> warnings,
      Instant at) {
    String json =
        Json.object(
            "source",
            sourceKey,
            "status",
            "published-with-warnings",
            "summary",
            warnings.stream().map(w -> w.describe(sourceKey)).toList(),
            "warnings",
            warnings.stream().map(S3ContentStore::position).toList(),
            "versionId",
            versionId,
            "sequencer",
            sequencer.normalized(),
            "at",
            at,
            "note",
            "This version is live; the warnings say what a reader still misses.");
    writeStatus(sourceKey, json);
  }

  private void writeStatus(String sourceKey, String json) {
    s3.putObject(
        r -> r.bucket(bucket).key(statusKey(sourceKey)).contentType("application/json"),
        RequestBody.fromString(json + "\n", StandardCharsets.UTF_8));
  }

  private static Map<String, Object> position(PostError error) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("kind", error.kind().name());
    position.put("message", error.message());
    position.put("line", error.hasPosition() ? error.line() : null);
    position.put("column", error.column() > 0 ? error.column() : null);
    return position;
  }

  /**
   * Deletes the status file if there is one. On a versioned bucket a DELETE of a key that does not
   * exist still creates a delete marker, so one HEAD first spares the bucket a marker per publish.
   */
  @Override
  public void clear(String sourceKey) {
    deleteIfPresent(statusKey(sourceKey));
  }

  @Override
  public Optional<Media> read(String path) {
    Optional<String> type = MediaStore.contentType(path);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      ResponseBytes<GetObjectResponse> object =
          s3.getObjectAsBytes(r -> r.bucket(bucket).key(mediaPrefix + path));
      if (object.asByteArrayUnsafe().length > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new Media(object.asByteArray(), type.get()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 403) {
        // Without s3:ListBucket (the site has none) S3 answers a missing key with 403, and so it
        // does a policy mistake: answer 404 as for a missing file, and say which it may be.
        LOG.warn(
            "action",
            "MEDIA_FORBIDDEN",
            "key",
            mediaPrefix + path,
            "reason",
            "S3 answered 403: the file is missing (the site may not list the bucket), or the"
                + " site's policy does not allow s3:GetObject on it");
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public String put(String slug, String version, byte[] gzippedHtml) {
    String key = bodiesPrefix + slug + "/" + version.substring(0, 16) + ".html.gz";
    s3.putObject(
        r -> r.bucket(bucket).key(key).contentType("application/gzip"),
        RequestBody.fromBytes(gzippedHtml));
    return key;
  }

  @Override
  public byte[] get(String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
  }

  @Override
  public void delete(String key) {
    deleteIfPresent(key);
  }

  private void deleteIfPresent(String key) {
    if (exists(key)) {
      s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
  }
}
