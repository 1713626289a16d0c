package inkwell.search;

import inkwell.storage.PostSearch;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.storage.SnapshotStore;
import inkwell.storage.SnapshotStore.Pointer;
import inkwell.support.StructuredLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The search function's index: the snapshot the pointer names, held in memory. The pointer is read
 * again at most every {@code checkEvery}; when it names another snapshot, that one is loaded and
 * replaces the old one between two searches. If the pointer or the snapshot cannot be read, the
 * index in memory keeps answering (logged); with none in memory, the failure propagates (a 503).
 * Thread-safe.
 */
public final class SnapshotSearch implements PostSearch {

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");

  private record Loaded(String id, LuceneSearch search) {}

  private final SnapshotStore store;
  private final Clock clock;
  private final Duration checkEvery;
  private volatile Loaded loaded;
  private volatile Instant checked = Instant.MIN;

  public SnapshotSearch(SnapshotStore store, Clock clock, Duration checkEvery) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
  }

  @Override
  public SearchResults search(SearchQuery query, Instant now) {
    if (query.isEmpty()) {
      return SearchResults.none(query);
    }
    return current().search(query, now);
  }

  /** The snapshot in memory, after reading the pointer again if it is time to. */
  LuceneSearch current() {
    Instant now = clock.instant();
    Loaded have = loaded;
    if (have != null && now.isBefore(checked.plus(checkEvery))) {
      return have.search();
    }
    synchronized (this) {
      if (loaded != null && now.isBefore(checked.plus(checkEvery))) {
        return loaded.search();
      }
      try {
        loaded = refreshed(loaded);
      } catch (RuntimeException e) {
        if (loaded == null) {
          throw e;
        }
        LOG.warn(
            "event", "search-snapshot-not-refreshed",
            "snapshot", loaded.id(),
            "error", e.getClass().getName(),
            "message", String.valueOf(e.getMessage()));
      }
      checked = now;
      return loaded.search();
    }
  }

  private Loaded refreshed(Loaded have) {
    Optional<Pointer> pointer = store.current();
    if (pointer.isEmpty()) {
      return new Loaded(
          null,
          LuceneSearch.open(
              new org.apache.lucene.store.ByteBuffersDirectory(), new SearchAnalyzer(), false));
    }
    String id = pointer.get().id();
    if (have != null && id.equals(have.id())) {
      return have;
    }
    long start = System.nanoTime();
    byte[] snapshot = store.read(id);
    LuceneSearch search =
        LuceneSearch.open(Snapshots.unpack(snapshot), new SearchAnalyzer(), false);
    LOG.info(
        "event",
        "search-snapshot-loaded",
        "snapshot",
        id,
        "posts",
        search.posts(),
        "bytes",
        snapshot.length,
        "millis",
        (System.nanoTime() - start) / 1_000_000);
    return new Loaded(id, search);
  }
}
