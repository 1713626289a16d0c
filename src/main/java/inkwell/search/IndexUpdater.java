package inkwell.search;

import inkwell.storage.Menu;
import inkwell.storage.PostReader;
import inkwell.storage.SnapshotStore;
import inkwell.storage.SnapshotStore.Pointer;
import inkwell.storage.SourceCatalog;
import inkwell.support.StructuredLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The index function's work for one batch of changes: load the current snapshot (kept in memory
 * between batches while the pointer still names it), apply the changes, write a new immutable
 * snapshot, then move the pointer to it, with the header's menu read afresh (one Query: the search
 * pages show it, and the search function reads nothing else), and delete the snapshot before the
 * one it replaced (a reader that is still loading the replaced one keeps it). Nothing readers see
 * changes until the pointer moves. Storage failures propagate, so that the queue delivers the batch
 * again; every step is safe to repeat.
 *
 * <p>One writer at a time: the queue is FIFO with a single message group, so Lambda hands this
 * function one batch at a time. Not thread-safe.
 */
public final class IndexUpdater {

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  /** What a batch did. */
  public record Result(String snapshot, int posts, int slugsRead, int bytes) {}

  private final SnapshotStore store;
  private final PostReader postReader;
  private final SearchIndexer indexer;
  private final Clock clock;
  private String cachedId;
  private ByteBuffersDirectory cached;

  /** With posts read from {@code posts} and source records from {@code sources}. */
  public IndexUpdater(SnapshotStore store, PostReader posts, SourceCatalog sources, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.postReader = Objects.requireNonNull(posts, "posts");
    this.indexer = new SearchIndexer(posts, sources);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Applies changes to {@code sourceKeys} or, with {@code rebuild}, replaces the whole index with
   * what the table holds, and publishes the result as the current snapshot.
   */
  public Result apply(Collection<String> sourceKeys, boolean rebuild) {
    Optional<Pointer> current = store.current();
    ByteBuffersDirectory directory = load(current);
    cachedId = null;
    cached = null;
    int slugsRead;
    int posts;
    try (IndexWriter writer = new IndexWriter(directory, SearchDocuments.writerConfig())) {
      slugsRead = rebuild ? indexer.rebuild(writer) : indexer.refresh(writer, sourceKeys).size();
      writer.commit();
      posts = writer.getDocStats().numDocs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index: " + e.getMessage(), e);
    }
    byte[] snapshot = Snapshots.pack(directory);
    // Read after the batch's posts, so the menu is at least as new as the changes just indexed.
    Menu menu = postReader.menuEntries();
    String id =
        ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    store.write(id, snapshot);
    store.point(new Pointer(id, current.map(Pointer::id).orElse(null), posts, menu));
    current.map(Pointer::previous).ifPresent(store::delete);
    cachedId = id;
    cached = directory;
    LOG.info(
        "event",
        rebuild ? "search-index-rebuilt" : "search-index-updated",
        "snapshot",
        id,
        "keys",
        sourceKeys.size(),
        "slugs",
        slugsRead,
        "posts",
        posts,
        "menuEntries",
        menu.entries().size(),
        "bytes",
        snapshot.length);
    return new Result(id, posts, slugsRead, snapshot.length);
  }

  /** The index the pointer names (from memory if it is the one written last), or a new one. */
  private ByteBuffersDirectory load(Optional<Pointer> current) {
    if (current.isEmpty()) {
      return new ByteBuffersDirectory();
    }
    if (cached != null && current.get().id().equals(cachedId)) {
      return cached;
    }
    return Snapshots.unpack(store.read(current.get().id()));
  }
}
