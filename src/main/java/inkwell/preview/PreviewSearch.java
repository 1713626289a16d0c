package inkwell.preview;

import inkwell.search.LocalSearchIndex;
import inkwell.storage.PostSearch;
import inkwell.storage.SearchChanges;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.storage.Sequencer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The preview's search, in front of {@link LocalSearchIndex}. A single change (a saved file) goes
 * to the index at once. While {@link #hold held} (a rescan applying many events), changes are
 * collected and, at {@link #release}, indexed together in the background: the site is complete
 * before the search index is, and a search waits until the index holds every change reported before
 * it, so it never answers from a partial index. Thread-safe.
 */
final class PreviewSearch implements SearchChanges, PostSearch, AutoCloseable {

  /** Made on first use: Lucene's start (about 80 ms) is then off the folder's load. */
  private final Supplier<LocalSearchIndex> index;

  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "inkwell-search-index");
            thread.setDaemon(true);
            return thread;
          });
  private Set<String> held;
  private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

  PreviewSearch(Supplier<LocalSearchIndex> index) {
    this.index = index;
  }

  @Override
  public void changed(String sourceKey, Sequencer sequencer) {
    synchronized (this) {
      if (held != null) {
        held.add(sourceKey);
        return;
      }
    }
    index.get().changed(sourceKey, sequencer);
  }

  /** Collects changes from now until {@link #release}. */
  synchronized void hold() {
    if (held == null) {
      held = new LinkedHashSet<>();
    }
  }

  /** Indexes every collected change, in one update on the background thread; stops collecting. */
  synchronized void release() {
    Set<String> keys = held;
    held = null;
    if (keys != null && !keys.isEmpty()) {
      pending = pending.thenRunAsync(() -> index.get().changed(keys), background);
    }
  }

  /** Waits until every change released so far is in the index. */
  void awaitIndexed() {
    CompletableFuture<Void> current;
    synchronized (this) {
      current = pending;
    }
    try {
      current.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the search index was updated", e);
    } catch (ExecutionException e) {
      // The index reports its own failure on the next search; the site keeps answering.
      synchronized (this) {
        if (pending == current) {
          pending = CompletableFuture.completedFuture(null);
        }
      }
    }
  }

  @Override
  public SearchResults search(SearchQuery query, Instant now) {
    awaitIndexed();
    return index.get().search(query, now);
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
