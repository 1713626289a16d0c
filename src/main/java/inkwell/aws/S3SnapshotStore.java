package inkwell.aws;

import inkwell.storage.SnapshotStore;
import inkwell.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The search index in the content bucket, under one prefix ({@code _search/}, outside the posts and
 * pages prefixes, so that writing there triggers nothing): snapshots at {@code
 * PREFIX/snapshots/ID}, written once and never changed, and the pointer {@code PREFIX/current.json}
 * naming the current one. Thread-safe.
 */
public final class S3SnapshotStore implements SnapshotStore {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3SnapshotStore(S3Client s3, String bucket, String prefix) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty() || !prefix.endsWith("/")) {
      throw new IllegalArgumentException("the search prefix must end with a slash: " + prefix);
    }
  }

  /** The key of the pointer object. */
  public String pointerKey() {
    return prefix + "current.json";
  }

  /** The key of snapshot {@code id}. */
  public String snapshotKey(String id) {
    return prefix + "snapshots/" + id;
  }

  @Override
  public Optional<Pointer> current() {
    String json;
    try {
      json = s3.getObjectAsBytes(r -> r.bucket(bucket).key(pointerKey())).asUtf8String();
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
    Map<String, String> fields = Json.flatObject(json);
    String id = fields.get("snapshot");
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException(pointerKey() + " names no snapshot: " + json);
    }
    return Optional.of(
        new Pointer(
            id, fields.get("previous"), Integer.parseInt(fields.getOrDefault("posts", "0"))));
  }

  @Override
  public byte[] read(String id) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(snapshotKey(id))).asByteArrayUnsafe();
  }

  @Override
  public void write(String id, byte[] snapshot) {
    s3.putObject(
        r -> r.bucket(bucket).key(snapshotKey(id)).contentType("application/octet-stream"),
        RequestBody.fromBytes(snapshot));
  }

  @Override
  public void point(Pointer pointer) {
    String json =
        Json.object(
            "snapshot", pointer.id(), "previous", pointer.previous(), "posts", pointer.posts());
    s3.putObject(
        r -> r.bucket(bucket).key(pointerKey()).contentType("application/json"),
        RequestBody.fromString(json, StandardCharsets.UTF_8));
  }

  @Override
  public void delete(String id) {
    s3.deleteObject(r -> r.bucket(bucket).key(snapshotKey(id)));
  }
}
