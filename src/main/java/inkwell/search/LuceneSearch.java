package inkwell.search;

import inkwell.storage.PostSearch;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.support.StructuredLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Searches one opened index: ranks the posts visible now, cuts the page asked for, and marks the
 * matched words in a passage of each. A query that Lucene cannot run (a prefix that expands to too
 * many terms) is run again as plain words. Thread-safe; the reader stays open for the life of this
 * object.
 */
final class LuceneSearch implements PostSearch {

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");

  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final SnippetHighlighter highlighter;
  private final boolean unpublished;
  private final int posts;

  private LuceneSearch(DirectoryReader reader, Analyzer analyzer, boolean unpublished) {
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(SearchDocuments.SIMILARITY);
    this.analyzer = analyzer;
    this.unpublished = unpublished;
    this.posts = reader.numDocs();
    this.highlighter = new SnippetHighlighter(searcher, analyzer);
  }

  /** Opens the index in {@code directory} (an empty one finds nothing). */
  static LuceneSearch open(Directory directory, Analyzer analyzer, boolean unpublished) {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return new LuceneSearch(emptyReader(), analyzer, unpublished);
      }
      return new LuceneSearch(DirectoryReader.open(directory), analyzer, unpublished);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index: " + e.getMessage(), e);
    }
  }

  private static DirectoryReader emptyReader() throws IOException {
    ByteBuffersDirectory empty = new ByteBuffersDirectory();
    new IndexWriter(empty, SearchDocuments.writerConfig()).close();
    return DirectoryReader.open(empty);
  }

  /** The number of documents in the index (findable now or later). */
  int posts() {
    return posts;
  }

  @Override
  public SearchResults search(SearchQuery query, Instant now) {
    if (query.isEmpty()) {
      return SearchResults.none(query);
    }
    try {
      return run(query, Queries.parse(query.text(), analyzer), now);
    } catch (RuntimeException e) {
      LOG.warn(
          "event", "search-query-retried-as-words",
          "query", query.text(),
          "error", e.getClass().getName(),
          "message", String.valueOf(e.getMessage()));
      return run(query, Queries.plainWords(query.text(), analyzer), now);
    }
  }

  private SearchResults run(SearchQuery query, Query text, Instant now) {
    try {
      int wanted = query.page() * SearchQuery.PAGE_SIZE;
      TopDocs top =
          searcher.search(
              Queries.visible(text, now, unpublished), wanted, SearchDocuments.ORDER, true);
      int from = (query.page() - 1) * SearchQuery.PAGE_SIZE;
      ScoreDoc[] page =
          from >= top.scoreDocs.length
              ? new ScoreDoc[0]
              : Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
      int[] ids = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
      SearchResults.Snippet[] snippets =
          ids.length == 0 ? new SearchResults.Snippet[0] : highlighter.snippets(text, ids);
      List<SearchResults.Hit> hits = new ArrayList<>();
      for (int i = 0; i < page.length; i++) {
        hits.add(
            SearchDocuments.hit(
                searcher.storedFields().document(page[i].doc), snippets[i], page[i].score));
      }
      return new SearchResults(
          query,
          top.totalHits.value,
          top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
          hits);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index: " + e.getMessage(), e);
    }
  }
}
