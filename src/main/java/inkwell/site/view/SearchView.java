package inkwell.site.view;

import inkwell.site.SiteInfo;
import inkwell.storage.SearchResults;

/**
 * The search page: the query kept in the box, and its results or why there are none.
 *
 * @param results the page of results, or {@code null} for the empty form
 * @param newerPath the previous page of results, or {@code null} on the first
 * @param olderPath the next page of results, or {@code null} on the last
 */
public record SearchView(
    SiteInfo site, String query, SearchResults results, String newerPath, String olderPath) {

  /** True when the reader has not searched yet (an empty query). */
  public boolean emptyForm() {
    return results == null;
  }
}
