package inkwell.storage;

import java.time.Instant;

/**
 * Full-text search over the posts readers may see. Implementations apply the same "visible now"
 * rule as the listings at query time, never throw for anything a reader can type (text that is not
 * valid query syntax is searched as plain words), and are thread-safe.
 */
public interface PostSearch {

  /** No index here (the site function: search is answered by the search function). */
  PostSearch NONE =
      new PostSearch() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public SearchResults search(SearchQuery query, Instant now) {
          return SearchResults.none(query);
        }
      };

  /** False where no index is reachable, so that the routes answer 404. */
  default boolean available() {
    return true;
  }

  /**
   * The page of hits {@code query} asks for, best first, among the posts visible at {@code now}.
   */
  SearchResults search(SearchQuery query, Instant now);
}
