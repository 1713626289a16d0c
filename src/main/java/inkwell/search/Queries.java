package inkwell.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a reader typed into a Lucene query. Lucene's syntax works (phrases in quotes, {@code
 * -word}, {@code OR}); text that does not parse is searched as {@link #plainWords plain words}, all
 * of which must match. Every query is limited to the posts visible at the moment given. Stateless.
 */
final class Queries {

  private static final String[] FIELDS = SearchDocuments.BOOSTS.keySet().toArray(String[]::new);

  private Queries() {}

  /** The reader's query as Lucene reads it, or as plain words if it does not parse. */
  static Query parse(String text, Analyzer analyzer) {
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(FIELDS, analyzer, SearchDocuments.BOOSTS);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    try {
      return parser.parse(text);
    } catch (ParseException | IllegalArgumentException e) {
      return plainWords(text, analyzer);
    }
  }

  /** Every word of {@code text} must match in some field; no syntax at all. */
  static Query plainWords(String text, Analyzer analyzer) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int words = 0;
    try (TokenStream tokens = analyzer.tokenStream(SearchDocuments.BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && words < BooleanQuery.getMaxClauseCount() / FIELDS.length) {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : SearchDocuments.BOOSTS.entrySet()) {
          Query match = new TermQuery(new Term(field.getKey(), term.toString()));
          anyField.add(new BoostQuery(match, field.getValue()), Occur.SHOULD);
        }
        all.add(anyField.build(), Occur.MUST);
        words++;
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words == 0 ? new MatchNoDocsQuery("no words to search for") : all.build();
  }

  /**
   * {@code query} limited to posts visible at {@code now}: not drafts, published, not expired. With
   * {@code unpublished} (the preview's drafts mode), drafts and scheduled posts are found too.
   */
  static Query visible(Query query, Instant now, boolean unpublished) {
    if (unpublished) {
      return query;
    }
    long millis = now.toEpochMilli();
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(
            LongPoint.newRangeQuery(SearchDocuments.VISIBLE_FROM, Long.MIN_VALUE, millis),
            Occur.FILTER)
        .add(
            LongPoint.newRangeQuery(SearchDocuments.EXPIRES, millis + 1, Long.MAX_VALUE),
            Occur.FILTER)
        .add(new TermQuery(new Term(SearchDocuments.DRAFT, "no")), Occur.FILTER)
        .build();
  }
}
