package inkwell.storage;

import inkwell.support.Json;
import java.util.Map;

/**
 * A message on the search index's queue: the posts of a source key may have changed, or the whole
 * index is to be rebuilt from the table. As JSON: {@code {"key": "posts/a.md", "sequencer":
 * "0055..."}} or {@code {"rebuild": true}}.
 *
 * @param sourceKey the source key, or {@code null} for a rebuild
 * @param sequencer the event's sequencer (for logs and deduplication), or {@code null}
 */
public record SearchChange(String sourceKey, String sequencer, boolean rebuild) {

  public static SearchChange of(String sourceKey, Sequencer sequencer) {
    return new SearchChange(sourceKey, sequencer == null ? null : sequencer.normalized(), false);
  }

  public static SearchChange rebuildAll() {
    return new SearchChange(null, null, true);
  }

  public String toJson() {
    return rebuild
        ? Json.object("rebuild", true)
        : Json.object("key", sourceKey, "sequencer", sequencer);
  }

  /** Reads a message body; throws {@link IllegalArgumentException} if it is not one. */
  public static SearchChange fromJson(String json) {
    Map<String, String> fields = Json.flatObject(json);
    if ("true".equals(fields.get("rebuild"))) {
      return rebuildAll();
    }
    String key = fields.get("key");
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a search change names no key: " + json);
    }
    return new SearchChange(key, fields.get("sequencer"), false);
  }
}
