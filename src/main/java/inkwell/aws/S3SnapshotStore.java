package inkwell.aws;

import inkwell.storage.Menu;
import inkwell.storage.MenuLink;
import inkwell.storage.SnapshotStore;
import inkwell.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * naming the current one, with the header's menu as the index function read it:
 *
 * <pre>{@code
 * {"snapshot": "20261201T120000-1a2b3c4d", "previous": "20261201T115900-5e6f7a8b", "posts": 41,
 *  "menu": [{"slug": "about", "label": "About", "position": 1,
 *            "visibleFrom": "2026-01-01T00:00:00Z", "expiresAt": null}]}
 * }</pre>
 *
 * A pointer without {@code menu} (written before it was recorded) reads as an empty menu, and a
 * reader that knows no menu skips the field. Thread-safe.
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
            id,
            fields.get("previous"),
            Integer.parseInt(fields.getOrDefault("posts", "0")),
            menu(Json.flatObjects(json, "menu"))));
  }

  /** The pointer's menu entries as {@link #point} writes them; none in an older pointer. */
  private static Menu menu(List<Map<String, String>> entries) {
    List<Menu.Entry> menu = new ArrayList<>();
    for (Map<String, String> entry : entries) {
      String expires = entry.get("expiresAt");
      menu.add(
          new Menu.Entry(
              new MenuLink(
                  entry.get("slug"), entry.get("label"), Integer.parseInt(entry.get("position"))),
              Instant.parse(entry.get("visibleFrom")),
              expires == null ? null : Instant.parse(expires)));
    }
    return new Menu(menu);
  }

  private static List<Map<String, Object>> json(Menu menu) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Menu.Entry entry : menu.entries()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("slug", entry.link().slug());
      json.put("label", entry.link().label());
      json.put("position", entry.link().position());
      json.put("visibleFrom", entry.visibleFrom());
      json.put("expiresAt", entry.expiresAt());
      entries.add(json);
    }
    return entries;
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
            "snapshot",
            pointer.id(),
            "previous",
            pointer.previous(),
            "posts",
            pointer.posts(),
            "menu",
            json(pointer.menu()));
    s3.putObject(
        r -> r.bucket(bucket).key(pointerKey()).contentType("application/json"),
        RequestBody.fromString(json, StandardCharsets.UTF_8));
  }

  @Override
  public void delete(String id) {
    s3.deleteObject(r -> r.bucket(bucket).key(snapshotKey(id)));
  }
}
