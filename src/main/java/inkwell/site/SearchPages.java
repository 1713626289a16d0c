package inkwell.site;

import inkwell.post.Tag;
import inkwell.site.view.Pages;
import inkwell.site.view.SearchView;
import inkwell.storage.PostSearch;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.support.Json;
import inkwell.support.StructuredLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search routes for one base URL: the search page and its JSON twin, from what the {@link
 * PostSearch} finds. An index that cannot be read is a 503, never an exception; without an index
 * (the site function, where the HTTP API sends the search routes to the search function) they are
 * 404s. Thread-safe.
 */
final class SearchPages {

  private static final StructuredLog LOG = new StructuredLog("inkwell.site");

  private final PostSearch search;
  private final Pages pages;
  private final ErrorPages errors;

  SearchPages(PostSearch search, Pages pages, ErrorPages errors) {
    this.search = search;
    this.pages = pages;
    this.errors = errors;
  }

  /** True if {@code route} is one of the search routes. */
  static boolean handles(Route route) {
    return route instanceof Route.Search || route instanceof Route.ApiSearch;
  }

  /** The response to a search route, in the frame of {@code site} (its URL, title and menu). */
  SiteResponse render(Route route, Instant now, SiteInfo site) {
    boolean api = route instanceof Route.ApiSearch;
    SearchQuery query =
        api
            ? new SearchQuery(((Route.ApiSearch) route).query(), ((Route.ApiSearch) route).page())
            : new SearchQuery(((Route.Search) route).query(), ((Route.Search) route).page());
    if (!search.available()) {
      return api ? jsonError(404, "no such resource") : errors.notFound(site);
    }
    SearchResults results;
    try {
      results = search.search(query, now);
    } catch (RuntimeException e) {
      LOG.warn(
          "event", "search-failed",
          "query", query.text(),
          "error", e.getClass().getName(),
          "message", String.valueOf(e.getMessage()));
      SiteResponse unavailable =
          api
              ? jsonError(503, "search is unavailable just now")
              : errors.page(
                  site, 503, "Search is unavailable", "Searching failed just now. Try again soon.");
      return unavailable.withHeaders(Map.of("Retry-After", "5"));
    }
    return api ? json(results, site) : page(query, results, site);
  }

  private SiteResponse page(SearchQuery query, SearchResults results, SiteInfo site) {
    String newer = null;
    String older = null;
    if (!query.isEmpty()) {
      newer =
          query.page() > 1
              ? SitePaths.search(SitePaths.SEARCH, query.text(), query.page() - 1)
              : null;
      older =
          results.hasNextPage()
              ? SitePaths.search(SitePaths.SEARCH, query.text(), query.page() + 1)
              : null;
    }
    SearchView view =
        new SearchView(site, query.text(), query.isEmpty() ? null : results, newer, older);
    return SiteResponse.of(200, SiteService.HTML, pages.search(view));
  }

  private SiteResponse json(SearchResults results, SiteInfo site) {
    SearchQuery query = results.query();
    List<Object> items = new ArrayList<>();
    for (SearchResults.Hit hit : results.hits()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("slug", hit.slug());
      item.put("url", site.url(SitePaths.post(hit.slug())));
      item.put("title", hit.title());
      item.put("date", hit.date());
      List<Object> tags = new ArrayList<>();
      for (Tag tag : hit.tags()) {
        tags.add(Map.of("name", tag.name(), "slug", tag.slug()));
      }
      item.put("tags", tags);
      item.put("snippet", hit.snippet().text());
      List<Object> marked = new ArrayList<>();
      int at = 0;
      for (SearchResults.Part part : hit.snippet().parts()) {
        if (part.marked()) {
          marked.add(List.of(at, at + part.text().length()));
        }
        at += part.text().length();
      }
      item.put("marked", marked);
      items.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query.text());
    body.put("page", query.page());
    body.put("total", results.total());
    body.put("totalIsLowerBound", results.totalIsLowerBound());
    body.put("results", items);
    body.put(
        "next",
        results.hasNextPage()
            ? site.url(SitePaths.search(SitePaths.API_SEARCH, query.text(), query.page() + 1))
            : null);
    return SiteResponse.of(200, SiteService.JSON, Json.write(body));
  }

  private static SiteResponse jsonError(int status, String message) {
    return SiteResponse.of(status, SiteService.JSON, Json.object("error", message));
  }
}
