package inkwell.site;

import inkwell.post.Post;
import inkwell.site.view.Pages;
import inkwell.site.view.Theme;
import inkwell.storage.MediaStore;
import inkwell.storage.MenuLink;
import inkwell.storage.Page;
import inkwell.storage.PostReader;
import inkwell.storage.PostSearch;
import inkwell.storage.PostSummary;
import inkwell.storage.TagCount;
import inkwell.support.StructuredLog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reader's site: every request goes through {@link #handle}, which routes it, asks the posts
 * index for what the route needs (one request for a page in the common case), renders it, and
 * applies the HTTP rules every response shares. Thread-safe; the Micronaut controller, the Lambda
 * function and the local preview all call it.
 *
 * <p>Absolute URLs (canonical links, feeds, sitemaps) start with the configured base URL. When none
 * is configured, they start with the origin each request was sent to: the service then keeps one
 * {@link SitePages} per origin (the API's own domain, a custom domain, {@code sam local}'s
 * address), each with its own render cache, so that a page rendered for one origin is never served
 * at another.
 */
public final class SiteService {

  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";

  /** Origins served at once before the copies are dropped (a bound against made-up hosts). */
  static final int MAX_ORIGINS = 8;

  /** The site at one base URL: its pages and its render cache. */
  private record AtOrigin(SitePages pages, RenderCache cache) {}

  private final Function<SiteInfo, AtOrigin> atOrigin;
  private final Asset stylesheet;
  private final SiteInfo site;
  private static final StructuredLog LOG = new StructuredLog("inkwell.site");

  private final Clock clock;
  private final HttpSemantics http;
  private final Timeline timeline;
  private final Kept<List<MenuLink>> menu;
  private final PageScript script;
  private final AtOrigin configured;

  /** The site at the origins requests came to; null when the base URL is configured. */
  private final Map<String, AtOrigin> atOrigins;

  /** The machine-readable outputs, so that this class does not depend on how they are written. */
  public interface Machine {
    SiteResponse feed(Route.Feed.Format format, Instant now);

    Optional<SiteResponse> sitemap(int page, Instant now);

    SiteResponse robots();

    SiteResponse apiPosts(Page<PostSummary> page, String nextPath);

    SiteResponse apiPost(Post post);

    SiteResponse apiTags(List<TagCount> tags);
  }

  /**
   * @param search answers the search routes in the preview; {@link PostSearch#NONE} in the site
   *     function, whose HTTP API sends them to the search function
   * @param sections a moved Hugo blog's sections that hold posts ({@code posts}): each answers at
   *     its path with a section page, with or without an {@code _index.md}; empty for other blogs
   */
  public SiteService(
      PostReader posts,
      Pages pages,
      Function<SiteInfo, Machine> machines,
      Theme theme,
      SiteInfo site,
      SiteConfig config,
      Clock clock,
      PreviewNotes notes,
      MediaStore media,
      PageScript script,
      PostSearch search,
      java.util.Set<String> sections) {
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(machines, "machines");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(theme, "theme");
    this.stylesheet = new Asset(theme.stylesheetPath(), "text/css; charset=utf-8", theme.css());
    MediaStore served = media.or(themeFiles(theme));
    this.site = Objects.requireNonNull(site, "site");
    this.clock = clock;
    this.http = new HttpSemantics(config, script, clock);
    this.timeline = new Timeline(posts, config.getSharedCacheSeconds(), clock);
    this.menu = new Kept<>(posts::menu, config.getSharedCacheSeconds(), clock);
    this.script = script;
    this.atOrigin =
        at ->
            new AtOrigin(
                new SitePages(
                    posts,
                    pages,
                    machines.apply(at),
                    at,
                    config,
                    clock,
                    timeline,
                    menu,
                    notes,
                    served,
                    search,
                    sections),
                new RenderCache(config.getRenderCacheSeconds(), clock));
    this.configured = atOrigin.apply(site);
    this.atOrigins = config.getBaseUrl().isBlank() ? new LinkedHashMap<>() : null;
  }

  public SiteInfo site() {
    return site;
  }

  /** The complete response to {@code request}. Never throws for anything a client can send. */
  public SiteResponse handle(SiteRequest request) {
    AtOrigin there = at(request.origin());
    if (!request.method().equals("GET") && !request.isHead()) {
      SiteResponse refused =
          there
              .pages()
              .refusal(405, "Method not allowed", "This site only answers GET and HEAD requests.")
              .withHeaders(Map.of("Allow", "GET, HEAD"));
      return http.finish(request, refused, false);
    }
    Route route = SiteRouter.route(request);
    if (route instanceof Route.Stylesheet sheet) {
      return http.finish(request, stylesheet(sheet), stylesheet.path().endsWith(sheet.file()));
    }
    String key = request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
    RenderCache.Rendered rendered = there.cache().get(key).orElse(null);
    if (rendered == null) {
      SiteResponse content = withScript(there.pages().render(route));
      rendered = new RenderCache.Rendered(content, HttpSemantics.tagOf(content));
      there.cache().put(key, rendered);
    }
    SiteResponse response = rendered.response();
    return http.finish(
        request, response, false, rendered.tag(), response.status() == 200 ? changesAt(key) : null);
  }

  /**
   * When a page may next change by the clock (the next scheduled post), for its {@code s-maxage}.
   * If that cannot be read, the page is still served, kept by shared caches for a minute only.
   */
  private Instant changesAt(String path) {
    Instant now = clock.instant();
    try {
      return timeline.nextScheduled(now).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn(
          "event",
          "next-scheduled-unavailable",
          "path",
          path,
          "error",
          e.getClass().getName(),
          "message",
          String.valueOf(e.getMessage()));
      return now.plusSeconds(HttpSemantics.BRIEF_SECONDS);
    }
  }

  /**
   * The themed error page for a request the server refused before it reached {@link #handle} (an
   * address that does not parse), with the same headers as every other response.
   */
  public SiteResponse error(SiteRequest request, int status, String reason) {
    String heading =
        switch (status) {
          case 400 -> "Bad request";
          case 414 -> "Address too long";
          default -> "Something went wrong";
        };
    SiteResponse page = at(request.origin()).pages().refusal(status, heading, reason + ".");
    return http.finish(request, page, false);
  }

  /**
   * The posts changed: forget every rendered response at once. The local preview calls this on each
   * file change, so it can cache pages and still show an edit on the next request.
   */
  public void contentChanged() {
    configured.cache().clear();
    timeline.clear();
    menu.clear();
    if (atOrigins != null) {
      synchronized (atOrigins) {
        atOrigins.values().forEach(o -> o.cache().clear());
      }
    }
  }

  /** The site whose absolute URLs start with {@code origin}: the configured one, or a copy. */
  private AtOrigin at(String origin) {
    if (atOrigins == null || origin == null || origin.equals(site.baseUrl())) {
      return configured;
    }
    synchronized (atOrigins) {
      AtOrigin there = atOrigins.get(origin);
      if (there == null) {
        if (atOrigins.size() >= MAX_ORIGINS) {
          atOrigins.clear();
        }
        there = atOrigin.apply(site.withBaseUrl(origin));
        atOrigins.put(origin, there);
      }
      return there;
    }
  }

  /** The theme's files that the author's media may replace: the icon. */
  private static MediaStore themeFiles(Theme theme) {
    MediaStore.Media icon = new MediaStore.Media(theme.icon(), "image/x-icon");
    String name = SitePaths.FAVICON.substring(1);
    return path -> path.equals(name) ? Optional.of(icon) : Optional.empty();
  }

  /** {@code response} with the page script, if there is one and the response is a page. */
  private SiteResponse withScript(SiteResponse response) {
    if (script != null && HTML.equals(response.headers().get("Content-Type"))) {
      return new SiteResponse(response.status(), response.headers(), script.addTo(response.body()));
    }
    return response;
  }

  private SiteResponse stylesheet(Route.Stylesheet sheet) {
    if (!stylesheet.path().endsWith("/" + sheet.file())) {
      // An older fingerprint: send the current stylesheet's address.
      return SiteResponse.redirect(301, stylesheet.path());
    }
    return new SiteResponse(
        200, Map.of("Content-Type", stylesheet.contentType()), stylesheet.bytes());
  }
}
