package inkwell.cli;

import inkwell.storage.PostReader;
import inkwell.storage.SourceCatalog;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./inkwell status}: every source key the publish function has seen, by key, with its state
 * as readers see it now: live (with its URL), draft, scheduled (from when), expired (since when),
 * rejected (why and where; the previous version, if any, stays live), removed.
 */
final class StatusReport {

  private static final int BATCH = 100;

  private final SourceCatalog catalog;
  private final PostReader posts;
  private final Target target;
  private final Clock clock;

  StatusReport(SourceCatalog catalog, PostReader posts, Target target, Clock clock) {
    this.catalog = catalog;
    this.posts = posts;
    this.target = target;
    this.clock = clock;
  }

  /** One line per source key, in key order. */
  List<Outcome> lines() {
    List<SourceRecord> records = new ArrayList<>(catalog.all());
    records.sort(Comparator.comparing(SourceRecord::sourceKey));
    Map<String, StoredPost> stored = storedPosts(records);
    Instant now = clock.instant();
    List<Outcome> lines = new ArrayList<>();
    for (SourceRecord record : records) {
      lines.add(line(record, stored.get(record.slug()), now));
    }
    return lines;
  }

  private Outcome line(SourceRecord record, StoredPost stored, Instant now) {
    String key = record.sourceKey();
    String liveAt = record.slug() == null ? null : target.postUrl(record.slug());
    return switch (record.state()) {
      case DELETED -> new Outcome(Outcome.Kind.REMOVED, key, "");
      case REJECTED -> {
        String described =
            record.error() == null ? key + ": rejected" : record.error().describe(key);
        String still =
            record.slug() == null
                ? ""
                : " (the previous version stays live"
                    + (liveAt == null ? "" : " at " + liveAt)
                    + ")";
        yield new Outcome(Outcome.Kind.REJECTED, key, described.substring(key.length()) + still);
      }
      case PUBLISHED -> {
        if (stored == null || stored.post() == null || !key.equals(stored.post().sourceKey())) {
          yield new Outcome(
              Outcome.Kind.REMOVED, key, " (nothing of it is stored at /" + record.slug() + "/)");
        }
        Visibility visibility = Visibility.of(stored.post(), now);
        yield new Outcome(
            Outcome.Kind.valueOf(visibility.name()),
            key,
            visibility.describe(stored.post(), liveAt));
      }
    };
  }

  private Map<String, StoredPost> storedPosts(List<SourceRecord> records) {
    List<String> slugs =
        records.stream()
            .filter(r -> r.state() == SourceRecord.State.PUBLISHED && r.slug() != null)
            .map(SourceRecord::slug)
            .distinct()
            .toList();
    Map<String, StoredPost> stored = new HashMap<>();
    for (int from = 0; from < slugs.size(); from += BATCH) {
      for (StoredPost post :
          posts.findPosts(slugs.subList(from, Math.min(slugs.size(), from + BATCH)))) {
        stored.put(post.slug(), post);
      }
    }
    return stored;
  }
}
