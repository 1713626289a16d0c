package inkwell.search;

import inkwell.storage.PostReader;
import inkwell.storage.PostSearch;
import inkwell.storage.SearchChanges;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A search index in this process, changed as soon as the publish path reports a change (and
 * reopened on the next search): the local preview's search over its folder. The same documents,
 * indexer and queries as the index and search functions, without the queue and the snapshots.
 * Thread-safe.
 */
public final class LocalSearchIndex implements PostSearch, SearchChanges {

  private final SearchIndexer indexer;
  private final boolean unpublished;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private LuceneSearch search;
  private boolean changed;

  /**
   * @param sources the source records (the preview's repository)
   * @param unpublished true to find drafts and scheduled posts too (the preview's drafts mode)
   */
  public LocalSearchIndex(PostReader posts, SourceCatalog sources, boolean unpublished) {
    this.indexer = new SearchIndexer(posts, sources);
    this.unpublished = unpublished;
    try {
      this.writer = new IndexWriter(directory, SearchDocuments.writerConfig());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.search = LuceneSearch.open(directory, new SearchAnalyzer(), unpublished);
  }

  @Override
  public void changed(String sourceKey, Sequencer sequencer) {
    changed(List.of(sourceKey));
  }

  /**
   * Every key of {@code sourceKeys} changed: one pass over the index for all of them (the preview
   * reports a whole folder's load this way, not file by file).
   */
  public synchronized void changed(Collection<String> sourceKeys) {
    if (sourceKeys.isEmpty()) {
      return;
    }
    try {
      indexer.refresh(writer, sourceKeys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index: " + e.getMessage(), e);
    }
    changed = true;
  }

  @Override
  public SearchResults search(SearchQuery query, Instant now) {
    return current().search(query, now);
  }

  /** The index as of the last change: committed and reopened on the first search after it. */
  private synchronized LuceneSearch current() {
    if (changed) {
      try {
        writer.commit();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot update the search index: " + e.getMessage(), e);
      }
      search = LuceneSearch.open(directory, new SearchAnalyzer(), unpublished);
      changed = false;
    }
    return search;
  }
}
