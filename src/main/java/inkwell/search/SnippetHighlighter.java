package inkwell.search;

import inkwell.storage.SearchResults.Snippet;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's unified highlighter, giving each hit's best body passage as a {@link Snippet} ({@link
 * SnippetFormatter}) instead of an HTML string. Thread-safe.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new SnippetFormatter())
            .withMaxLength(SearchDocuments.MAX_BODY_CHARS)
            .withMaxNoHighlightPassages(0));
  }

  /** The snippets of {@code docIds}, in their order; null where the body did not match. */
  Snippet[] snippets(Query query, int[] docIds) throws IOException {
    Object[] found =
        highlightFieldsAsObjects(new String[] {SearchDocuments.BODY}, query, docIds, new int[] {1})
            .get(SearchDocuments.BODY);
    Snippet[] snippets = new Snippet[docIds.length];
    for (int i = 0; i < snippets.length; i++) {
      snippets[i] = (Snippet) found[i];
    }
    return snippets;
  }
}
