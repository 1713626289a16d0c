package inkwell.site;

import inkwell.site.view.Pages;
import inkwell.storage.MenuLink;
import inkwell.storage.PostSearch;
import inkwell.support.StructuredLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The search function's site: only the search routes ({@code /search}, {@code /api/search}), with
 * the same pages, header and HTTP rules as the rest of the site (ETag, caching, security headers,
 * gzip, HEAD). Any other path is a 404 and any method but GET and HEAD a 405. The header's menu
 * comes from {@code menu} (the search function's: the one its index snapshot carries); when that
 * fails, the page goes without it. The JSON API never asks for it. Thread-safe.
 *
 * <pre>{@code
 * SearchSite search =
 *     new SearchSite(index, index::menu, JtePages.create(), site, config, Clock.systemUTC());
 * SiteResponse response = search.handle(SiteRequest.get("/search?q=lambda"));
 * }</pre>
 */
public final class SearchSite {

  private static final StructuredLog LOG = new StructuredLog("inkwell.site");

  private final SearchPages search;
  private final Function<Instant, List<MenuLink>> menu;
  private final ErrorPages errors;
  private final SiteInfo site;
  private final boolean fromRequest;
  private final HttpSemantics http;
  private final Clock clock;

  /**
   * @param menu the header's menu visible at a given time; may read storage, and may throw
   */
  public SearchSite(
      PostSearch search,
      Function<Instant, List<MenuLink>> menu,
      Pages pages,
      SiteInfo site,
      SiteConfig config,
      Clock clock) {
    this.errors = new ErrorPages(Objects.requireNonNull(pages, "pages"));
    this.search = new SearchPages(Objects.requireNonNull(search, "search"), pages, errors);
    this.menu = Objects.requireNonNull(menu, "menu");
    this.site = Objects.requireNonNull(site, "site");
    this.fromRequest = config.getBaseUrl().isBlank();
    this.http = new HttpSemantics(config, null, clock);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The complete response to {@code request}. Never throws for anything a client can send. */
  public SiteResponse handle(SiteRequest request) {
    Instant now = clock.instant();
    SiteInfo at =
        fromRequest && request.origin() != null ? site.withBaseUrl(request.origin()) : site;
    if (!request.method().equals("GET") && !request.isHead()) {
      SiteResponse refused =
          errors
              .page(
                  framed(at, now),
                  405,
                  "Method not allowed",
                  "This site only answers GET and HEAD requests.")
              .withHeaders(Map.of("Allow", "GET, HEAD"));
      return http.finish(request, refused, false);
    }
    Route route = SiteRouter.route(request);
    SiteResponse response;
    if (route instanceof Route.ApiSearch) {
      response = search.render(route, now, at);
    } else if (SearchPages.handles(route)) {
      response = search.render(route, now, framed(at, now));
    } else if (route instanceof Route.BadRequest bad) {
      response = errors.page(framed(at, now), 400, "Bad request", bad.reason() + ".");
    } else {
      response = errors.notFound(framed(at, now));
    }
    return http.finish(request, response, false);
  }

  /** {@code at} with the header's menu as of {@code now}, or without it if it cannot be read. */
  private SiteInfo framed(SiteInfo at, Instant now) {
    try {
      return at.withMenu(menu.apply(now));
    } catch (RuntimeException e) {
      LOG.warn(
          "event", "menu-unavailable",
          "error", e.getClass().getName(),
          "message", String.valueOf(e.getMessage()));
      return at;
    }
  }
}
