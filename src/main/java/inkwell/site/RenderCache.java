package inkwell.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered responses kept by a warm function for a short, configured time, so that a burst of views
 * of the same page costs one storage request. Bounded: when full, expired entries are dropped, and
 * if none has expired, everything. Thread-safe.
 */
final class RenderCache {

  static final int MAX_ENTRIES = 500;

  /** A rendered response and its entity tag, computed once. */
  record Rendered(SiteResponse response, String tag) {}

  private record Entry(Rendered rendered, Instant expires) {}

  private final long seconds;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  RenderCache(long seconds, Clock clock) {
    this.seconds = seconds;
    this.clock = clock;
  }

  Optional<Rendered> get(String key) {
    if (seconds <= 0) {
      return Optional.empty();
    }
    Entry entry = entries.get(key);
    if (entry == null || !clock.instant().isBefore(entry.expires())) {
      return Optional.empty();
    }
    return Optional.of(entry.rendered());
  }

  void put(String key, Rendered rendered) {
    SiteResponse response = rendered.response();
    if (seconds <= 0 || !HttpSemantics.shareable(response.status())) {
      return;
    }
    Instant now = clock.instant();
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(e -> !now.isBefore(e.expires()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(rendered, now.plusSeconds(seconds)));
  }

  /** Forgets everything: the content changed (the preview calls this on every file change). */
  void clear() {
    entries.clear();
  }
}
