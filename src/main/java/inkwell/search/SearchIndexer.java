package inkwell.search;

import inkwell.storage.PostReader;
import inkwell.storage.SourceCatalog;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Brings documents in line with the posts table. A change names only a source key; the indexer
 * finds every slug that key touches (the slugs its documents sit at now, and the slug its record
 * names) and makes each document say what the table holds at that slug now: the live post, or
 * nothing. The table's writes are ordered by S3's sequencers, so applying changes late, twice or
 * out of order converges on the same index, and a rebuild from the table ({@link #rebuild}) gives
 * the same documents. Not thread-safe: one writer at a time.
 */
final class SearchIndexer {

  private static final int BATCH = 100;

  private final PostReader posts;
  private final SourceCatalog sources;

  /** Reads posts by slug from {@code posts}, and source records from {@code sources}. */
  SearchIndexer(PostReader posts, SourceCatalog sources) {
    this.posts = Objects.requireNonNull(posts, "posts");
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  /** Refreshes what {@code sourceKeys} touch; returns the slugs it looked at. */
  Collection<String> refresh(IndexWriter writer, Collection<String> sourceKeys) throws IOException {
    TreeSet<String> slugs = new TreeSet<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String key : sourceKeys) {
        TermQuery query = new TermQuery(new Term(SearchDocuments.SOURCE_KEY, key));
        for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
          slugs.add(searcher.storedFields().document(hit.doc).get(SearchDocuments.SLUG));
        }
      }
    }
    for (SourceRecord record : sources.find(sourceKeys).values()) {
      if (record.slug() != null) {
        slugs.add(record.slug());
      }
    }
    refreshSlugs(writer, slugs);
    return slugs;
  }

  /** Replaces every document with what the table holds; returns the number of slugs read. */
  int rebuild(IndexWriter writer) throws IOException {
    writer.deleteAll();
    TreeSet<String> slugs = new TreeSet<>();
    for (SourceRecord record : sources.all()) {
      if (record.slug() != null) {
        slugs.add(record.slug());
      }
    }
    refreshSlugs(writer, slugs);
    return slugs.size();
  }

  private void refreshSlugs(IndexWriter writer, Collection<String> slugs) throws IOException {
    List<String> all = new ArrayList<>(slugs);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      Map<String, StoredPost> stored = new HashMap<>();
      for (StoredPost post : posts.findPosts(batch)) {
        stored.put(post.slug(), post);
      }
      for (String slug : batch) {
        StoredPost post = stored.get(slug);
        Term id = new Term(SearchDocuments.SLUG, slug);
        if (findable(post)) {
          writer.updateDocument(id, SearchDocuments.of(post.post()));
        } else {
          writer.deleteDocuments(id);
        }
      }
    }
  }

  /** A post that can be found now or later: live or draft (never served), not a page. */
  private static boolean findable(StoredPost stored) {
    return stored != null
        && stored.post() != null
        && (stored.state() == StoredPost.State.LIVE || stored.state() == StoredPost.State.DRAFT)
        && SearchDocuments.indexes(stored.post());
  }
}
