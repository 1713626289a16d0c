package inkwell.site;

import inkwell.site.view.Pages;
import inkwell.storage.PostSearch;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The search function's site: only the search routes ({@code /search}, {@code /api/search}), with
 * the same pages, header and HTTP rules as the rest of the site (ETag, caching, security headers,
 * gzip, HEAD). Any other path is a 404 and any method but GET and HEAD a 405. Thread-safe.
 *
 * <pre>{@code
 * SearchSite search = new SearchSite(index, JtePages.create(), site, config, Clock.systemUTC());
 * SiteResponse response = search.handle(SiteRequest.get("/search?q=lambda"));
 * }</pre>
 */
public final class SearchSite {

  private final SearchPages search;
  private final ErrorPages errors;
  private final SiteInfo site;
  private final boolean fromRequest;
  private final HttpSemantics http;
  private final Clock clock;

  public SearchSite(PostSearch search, Pages pages, SiteInfo site, SiteConfig config, Clock clock) {
    this.errors = new ErrorPages(Objects.requireNonNull(pages, "pages"));
    this.search = new SearchPages(Objects.requireNonNull(search, "search"), pages, errors);
    this.site = Objects.requireNonNull(site, "site");
    this.fromRequest = config.getBaseUrl().isBlank();
    this.http = new HttpSemantics(config, null, clock);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The complete response to {@code request}. Never throws for anything a client can send. */
  public SiteResponse handle(SiteRequest request) {
    SiteInfo at =
        fromRequest && request.origin() != null ? site.withBaseUrl(request.origin()) : site;
    if (!request.method().equals("GET") && !request.isHead()) {
      SiteResponse refused =
          errors
              .page(at, 405, "Method not allowed", "This site only answers GET and HEAD requests.")
              .withHeaders(Map.of("Allow", "GET, HEAD"));
      return http.finish(request, refused, false);
    }
    Route route = SiteRouter.route(request);
    SiteResponse response;
    if (SearchPages.handles(route)) {
      response = search.render(route, clock.instant(), at);
    } else if (route instanceof Route.BadRequest bad) {
      response = errors.page(at, 400, "Bad request", bad.reason() + ".");
    } else {
      response = errors.notFound(at);
    }
    return http.finish(request, response, false);
  }
}
