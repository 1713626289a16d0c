package inkwell.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a reader typed into a Lucene query, in a small language that cannot cost more than a
 * plain query: words (all must match), phrases in quotes, {@code -word} to exclude, {@code OR} (or
 * {@code |}) between alternatives, and a trailing {@code *} for a prefix of at least {@value
 * #MIN_PREFIX} characters. Fuzzy edits and boosts after a word ({@code word~2}, {@code word^9}) are
 * dropped; everything else of Lucene's syntax (regular expressions, ranges, {@code field:} names, a
 * leading wildcard) is read as plain text, whose punctuation the analyzer drops. Every query is
 * limited to the posts visible at the moment given. Stateless.
 */
final class Queries {

  /** Shortest prefix that {@code word*} searches for; a shorter one is the word itself. */
  static final int MIN_PREFIX = 3;

  /**
   * The operators readers get: no fuzzy, near, escape, precedence or {@code +}. Lucene's
   * SimpleQueryParser has no regular expressions or ranges at all.
   */
  private static final int OPERATORS =
      SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.PREFIX_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.WHITESPACE_OPERATOR;

  /** The word {@code OR} between two others, as people write it in search boxes. */
  private static final Pattern OR_WORD = Pattern.compile("(?<=\\s)OR(?=\\s)");

  /** Lucene's fuzzy edits and boosts after a word or phrase ({@code word~2}, {@code word^9}). */
  private static final Pattern EDITS_AND_BOOSTS = Pattern.compile("(?<=\\S)[~^][0-9.]*(?=\\s|$)");

  private static final String[] FIELDS = SearchDocuments.BOOSTS.keySet().toArray(String[]::new);

  private Queries() {}

  /** The reader's query in the language above; never fails. */
  static Query parse(String text, Analyzer analyzer) {
    SimpleQueryParser parser =
        new SimpleQueryParser(analyzer, SearchDocuments.BOOSTS, OPERATORS) {
          @Override
          public Query newPrefixQuery(String prefix) {
            return prefix.codePointCount(0, prefix.length()) < MIN_PREFIX
                ? newDefaultQuery(prefix)
                : super.newPrefixQuery(prefix);
          }
        };
    parser.setDefaultOperator(Occur.MUST);
    String words = EDITS_AND_BOOSTS.matcher(text).replaceAll("");
    Query query = parser.parse(OR_WORD.matcher(words).replaceAll("|"));
    return query == null ? new MatchNoDocsQuery("no words to search for") : query;
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
