package inkwell.storage;

import inkwell.post.Tag;
import java.time.Instant;
import java.util.List;

/**
 * One page of search hits.
 *
 * @param total how many posts match (at least this many when {@code totalIsLowerBound})
 * @param hits this page's hits, best first
 */
public record SearchResults(
    SearchQuery query, long total, boolean totalIsLowerBound, List<Hit> hits) {

  public SearchResults {
    hits = List.copyOf(hits);
  }

  /** Nothing found (or nothing searched). */
  public static SearchResults none(SearchQuery query) {
    return new SearchResults(query, 0, false, List.of());
  }

  /** True if a page after this one has hits. */
  public boolean hasNextPage() {
    return (long) query.page() * SearchQuery.PAGE_SIZE < total
        && query.page() < SearchQuery.MAX_PAGE;
  }

  /**
   * A post that matches.
   *
   * @param snippet a passage of the post with the matching words marked, or its summary
   */
  public record Hit(
      String slug, String title, Instant date, List<Tag> tags, Snippet snippet, float score) {
    public Hit {
      tags = List.copyOf(tags);
    }
  }

  /** Plain text in parts; the marked parts are the words that matched. Never HTML. */
  public record Snippet(List<Part> parts) {
    public Snippet {
      parts = List.copyOf(parts);
    }

    public static Snippet plain(String text) {
      return new Snippet(text.isEmpty() ? List.of() : List.of(new Part(text, false)));
    }

    public String text() {
      StringBuilder out = new StringBuilder();
      parts.forEach(p -> out.append(p.text()));
      return out.toString();
    }
  }

  public record Part(String text, boolean marked) {}
}
