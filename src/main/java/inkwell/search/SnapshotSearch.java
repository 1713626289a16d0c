package inkwell.search;

import inkwell.storage.Menu;
import inkwell.storage.MenuLink;
import inkwell.storage.PostSearch;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.storage.SnapshotStore;
import inkwell.storage.SnapshotStore.Pointer;
import inkwell.support.StructuredLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The search function's index: the snapshot the pointer names, held in memory with the header's
 * menu the pointer carries. The pointer is read again at most every {@code checkEvery}; when it
 * names another snapshot, that one is loaded and replaces the old one, with its menu, between two
 * searches. If the pointer or the snapshot cannot be read, the index in memory keeps answering
 * (logged); with none in memory, the failure propagates (a 503). Thread-safe.
 */
public final class SnapshotSearch implements PostSearch {

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");

  private record Loaded(String id, LuceneSearch search, Menu menu) {}

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
    return inMemory().search().search(query, now);
  }

  /**
   * The header's menu visible at {@code now}, as the pointer to the snapshot in memory gives it
   * (the index function reads it from the table with every batch): read, like the index, at most
   * every {@code checkEvery}. Empty for a pointer written before the menu was recorded; throws like
   * {@link #search} when nothing is in memory and the bucket cannot be read.
   */
  public List<MenuLink> menu(Instant now) {
    return inMemory().menu().visibleAt(now);
  }

  /** What is in memory, after reading the pointer again if it is time to. */
  private Loaded inMemory() {
    Instant now = clock.instant();
    Loaded have = loaded;
    if (have != null && now.isBefore(checked.plus(checkEvery))) {
      return have;
    }
    synchronized (this) {
      if (loaded != null && now.isBefore(checked.plus(checkEvery))) {
        return loaded;
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
      return loaded;
    }
  }

  private Loaded refreshed(Loaded have) {
    Optional<Pointer> pointer = store.current();
    if (pointer.isEmpty()) {
      return new Loaded(
          null,
          LuceneSearch.open(
              new org.apache.lucene.store.ByteBuffersDirectory(), new SearchAnalyzer(), false),
          Menu.EMPTY);
    }
    String id = pointer.get().id();
    if (have != null && id.equals(have.id())) {
      return have.menu().equals(pointer.get().menu())
          ? have
          : new Loaded(id, have.search(), pointer.get().menu());
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
    return new Loaded(id, search, pointer.get().menu());
  }
}
