package inkwell.search;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.storage.SearchResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;

/**
 * The index's documents: one per post readers may find, identified by its slug. Text fields are
 * searched with {@link #BOOSTS} (a match in the title counts four times one in the body); the
 * visibility fields let the query apply the "visible now" rule; the stored fields are what a hit
 * shows. Stateless.
 */
final class SearchDocuments {

  static final String SLUG = "slug";
  static final String SOURCE_KEY = "sourceKey";
  static final String TITLE = "title";
  static final String TAGS = "tags";
  static final String SUMMARY = "summary";
  static final String BODY = "body";
  static final String VISIBLE_FROM = "visibleFrom";
  static final String EXPIRES = "expires";
  static final String DRAFT = "draft";
  static final String DATE = "date";
  static final String TAG_NAME = "tagName";
  static final String TAG_SLUG = "tagSlug";
  static final String SORT_DATE = "sortDate";
  static final String SORT_SLUG = "sortSlug";

  /**
   * The order of hits: best first; among equal scores newest first, then by slug, so that the same
   * documents are ranked the same whichever order they were written in (a rebuild equals the
   * incrementally kept index, pages never overlap).
   */
  static final Sort ORDER =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(SORT_DATE, SortField.Type.LONG, true),
          new SortField(SORT_SLUG, SortField.Type.STRING));

  /**
   * The searched fields and their weights. A word in the title or a tag scores a constant 40 or 30
   * ({@link #SIMILARITY}), more than BM25 gives any body match in a blog of a million posts, so a
   * title or tag match always ranks above a match in the text alone; summary and body are ranked by
   * BM25.
   */
  static final Map<String, Float> BOOSTS = Map.of(TITLE, 40f, TAGS, 30f, SUMMARY, 2f, BODY, 1f);

  /** Constant scores for title and tags, BM25 for the rest. */
  static final Similarity SIMILARITY =
      new PerFieldSimilarityWrapper() {
        private final Similarity constant = new BooleanSimilarity();
        private final Similarity bm25 = new BM25Similarity();

        @Override
        public Similarity get(String field) {
          return field.equals(TITLE) || field.equals(TAGS) ? constant : bm25;
        }
      };

  /**
   * The text: stored, and indexed with offsets, so that the highlighter finds the matched words
   * from the index instead of analysing every hit's text again.
   */
  private static final FieldType BODY_TYPE = bodyType();

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** Characters of a post's text that are searched and kept for snippets. */
  static final int MAX_BODY_CHARS = 30_000;

  private SearchDocuments() {}

  /** How every index is written: this analyzer and similarity. */
  static IndexWriterConfig writerConfig() {
    return new IndexWriterConfig(new SearchAnalyzer()).setSimilarity(SIMILARITY);
  }

  /** True if {@code post} belongs in the index: a post (not a standalone page). */
  static boolean indexes(Post post) {
    return !post.page();
  }

  static Document of(Post post) {
    Document doc = new Document();
    doc.add(new StringField(SLUG, post.slug(), Field.Store.YES));
    doc.add(new StringField(SOURCE_KEY, post.sourceKey(), Field.Store.YES));
    doc.add(new TextField(TITLE, post.title(), Field.Store.YES));
    doc.add(new TextField(SUMMARY, post.summary(), Field.Store.YES));
    doc.add(new Field(BODY, text(post.bodyHtml()), BODY_TYPE));
    List<String> tagNames = new ArrayList<>();
    for (Tag tag : post.tags()) {
      tagNames.add(tag.name());
      doc.add(new StoredField(TAG_NAME, tag.name()));
      doc.add(new StoredField(TAG_SLUG, tag.slug()));
    }
    doc.add(new TextField(TAGS, String.join(" ; ", tagNames), Field.Store.NO));
    doc.add(new LongPoint(VISIBLE_FROM, post.visibleFrom().toEpochMilli()));
    long expires = post.expiryDate() == null ? Long.MAX_VALUE : post.expiryDate().toEpochMilli();
    doc.add(new LongPoint(EXPIRES, expires));
    doc.add(new StringField(DRAFT, post.draft() ? "yes" : "no", Field.Store.NO));
    doc.add(new StoredField(DATE, post.date().toEpochMilli()));
    doc.add(new NumericDocValuesField(SORT_DATE, post.date().toEpochMilli()));
    doc.add(new SortedDocValuesField(SORT_SLUG, new BytesRef(post.slug())));
    return doc;
  }

  /** The reader-visible text of sanitized post HTML, cut at {@link #MAX_BODY_CHARS}. */
  static String text(String bodyHtml) {
    String text = Jsoup.parseBodyFragment(bodyHtml).body().text();
    if (text.length() <= MAX_BODY_CHARS) {
      return text;
    }
    int end = MAX_BODY_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** The summary, or the first words of the text when there is none. */
  private static SearchResults.Snippet opening(Document doc) {
    String summary = doc.get(SUMMARY);
    if (summary != null && !summary.isBlank()) {
      return SearchResults.Snippet.plain(summary);
    }
    String body = doc.get(BODY);
    if (body.length() <= SnippetFormatter.MAX_CHARS) {
      return SearchResults.Snippet.plain(body);
    }
    int end = SnippetFormatter.MAX_CHARS;
    if (Character.isHighSurrogate(body.charAt(end - 1))) {
      end--;
    }
    return SearchResults.Snippet.plain(body.substring(0, end) + " \u2026");
  }

  /** The hit a stored document shows, with {@code snippet} (or its summary when null). */
  static SearchResults.Hit hit(Document doc, SearchResults.Snippet snippet, float score) {
    String[] names = doc.getValues(TAG_NAME);
    String[] slugs = doc.getValues(TAG_SLUG);
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < Math.min(names.length, slugs.length); i++) {
      tags.add(new Tag(names[i], slugs[i]));
    }
    return new SearchResults.Hit(
        doc.get(SLUG),
        doc.get(TITLE),
        Instant.ofEpochMilli(doc.getField(DATE).numericValue().longValue()),
        tags,
        snippet != null ? snippet : opening(doc),
        score);
  }
}
