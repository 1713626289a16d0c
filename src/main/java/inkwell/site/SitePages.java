package inkwell.site;

import inkwell.post.Post;
import inkwell.site.view.Pages;
import inkwell.site.view.PostView;
import inkwell.site.view.TagIndexView;
import inkwell.storage.InvalidCursorException;
import inkwell.storage.Listing;
import inkwell.storage.MediaStore;
import inkwell.storage.MenuLink;
import inkwell.storage.Page;
import inkwell.storage.PostReader;
import inkwell.storage.PostSearch;
import inkwell.storage.PostSummary;
import inkwell.storage.StoredPost;
import inkwell.support.StructuredLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the site answers for each route, for one base URL: the pages, feeds, API and error pages,
 * rendered from what the posts index returns (one request for a page in the common case). {@link
 * SiteService} keeps one per origin and wraps its responses in the HTTP rules. Thread-safe.
 */
final class SitePages {

  private static final StructuredLog LOG = new StructuredLog("inkwell.site");
  private static final String HTML = SiteService.HTML;
  private static final String JSON = SiteService.JSON;

  private final PostReader posts;
  private final Pages pages;
  private final SiteService.Machine machine;
  private final SiteInfo site;
  private final SiteConfig config;
  private final Clock clock;
  private final Timeline timeline;
  private final Kept<List<MenuLink>> menu;
  private final PreviewNotes notes;
  private final MediaStore media;
  private final SearchPages search;
  private final ErrorPages errors;
  private final ListingPages listings;
  private final java.util.Set<String> sections;

  SitePages(
      PostReader posts,
      Pages pages,
      SiteService.Machine machine,
      SiteInfo site,
      SiteConfig config,
      Clock clock,
      Timeline timeline,
      Kept<List<MenuLink>> menu,
      PreviewNotes notes,
      MediaStore media,
      PostSearch search,
      java.util.Set<String> sections) {
    this.posts = posts;
    this.sections = java.util.Set.copyOf(sections);
    this.pages = pages;
    this.machine = machine;
    this.site = site;
    this.config = config;
    this.clock = clock;
    this.timeline = timeline;
    this.menu = menu;
    this.notes = notes;
    this.media = media;
    this.errors = new ErrorPages(pages);
    this.search = new SearchPages(search, pages, errors);
    this.listings =
        new ListingPages(posts, pages, site, config, clock, notes, this::framed, this::notFound);
  }

  /** The response to {@code route} now; a storage failure is a themed 503, never an exception. */
  SiteResponse render(Route route) {
    Instant now = clock.instant();
    try {
      return dispatch(route, now);
    } catch (InvalidCursorException e) {
      return error(400, "Bad request", "The page link is not valid: " + e.getMessage() + ".");
    } catch (RuntimeException e) {
      LOG.warn(
          "event", "render-failed",
          "route", route.toString(),
          "error", e.getClass().getName(),
          "message", String.valueOf(e.getMessage()));
      return error(
              503,
              "Temporarily unavailable",
              "The blog could not be read just now. Try again in a moment.")
          .withHeaders(Map.of("Retry-After", "5"));
    }
  }

  private SiteResponse dispatch(Route route, Instant now) {
    if (route instanceof Route.Home home) {
      return listings.home(home.after(), now);
    } else if (route instanceof Route.PostPage post) {
      return post(post, now);
    } else if (route instanceof Route.TagIndex) {
      return tagIndex(now);
    } else if (route instanceof Route.TagPage tag) {
      return listings.tagPage(tag, now);
    } else if (route instanceof Route.ArchiveIndex archive) {
      return listings.archiveIndex(archive.after(), now);
    } else if (route instanceof Route.ArchivePage archive) {
      return listings.archivePage(archive, now);
    } else if (route instanceof Route.Adjacent adjacent) {
      return adjacent(adjacent, now);
    } else if (route instanceof Route.Feed feed) {
      return machine.feed(feed.format(), now);
    } else if (route instanceof Route.Sitemap sitemap) {
      return machine.sitemap(sitemap.page(), now).orElseGet(this::notFound);
    } else if (route instanceof Route.Media file) {
      return media
          .read(file.path())
          .map(m -> new SiteResponse(200, Map.of("Content-Type", m.contentType()), m.bytes()))
          .or(() -> staticFile("media/" + file.path()))
          .orElseGet(this::notFound);
    } else if (route instanceof Route.Robots) {
      return machine.robots();
    } else if (route instanceof Route.Favicon) {
      return staticFile(SitePaths.FAVICON.substring(1)).orElseGet(this::notFound);
    } else if (route instanceof Route.ApiPosts api) {
      return apiPosts(api.after(), now);
    } else if (route instanceof Route.ApiPost api) {
      return apiPost(api.slug(), now);
    } else if (route instanceof Route.ApiTags) {
      return machine.apiTags(posts.tags(now));
    } else if (SearchPages.handles(route)) {
      return search.render(route, now, framed(now));
    } else if (route instanceof Route.Alias alias) {
      return alias(alias.path());
    } else if (route instanceof Route.Canonical canonical) {
      return SiteResponse.redirect(301, canonical.location());
    } else if (route instanceof Route.BadRequest bad) {
      return error(400, "Bad request", bad.reason() + ".");
    } else if (route instanceof Route.TooLong tooLong) {
      return error(
          414,
          "Address too long",
          "No page here has an address longer than " + tooLong.limit() + " characters.");
    }
    return notFound();
  }

  // ------------------------------------------------------------------ pages

  private SiteResponse post(Route.PostPage route, Instant now) {
    String slug = route.slug();
    Optional<StoredPost> stored = posts.findPost(slug);
    Optional<String> problem = notes.problemFor(slug);
    if (problem.isPresent() && (stored.isEmpty() || stored.get().post() == null)) {
      return error(500, "This post has an error", problem.get());
    }
    if (stored.isEmpty() && sections.contains(slug)) {
      return listings.section(slug, route.after(), now);
    }
    if (stored.isEmpty()) {
      return alias(slug);
    }
    StoredPost found = stored.get();
    return switch (found.state()) {
      case MOVED -> SiteResponse.redirect(301, SitePaths.post(found.movedTo()));
      case GONE -> error(410, "This post is gone", "The post that lived here has been removed.");
      case LIVE, DRAFT -> {
        Post post = found.post();
        String marker =
            notes.showUnpublished()
                ? ListingPages.marker(post.draft(), post.visibleFrom(), post.expiryDate(), now)
                : null;
        if (!post.isVisibleAt(now) && marker == null) {
          yield notFound();
        }
        if (post.params().get("redirect_to") instanceof String target && !target.isEmpty()) {
          // Jekyll's redirect_to (read by the pipeline): the post's address moved elsewhere.
          yield SiteResponse.redirect(301, target);
        }
        if (post.isSection()) {
          yield listings.section(post, route.after(), now);
        }
        if (problem.isPresent()) {
          marker =
              "This file has an error, so you are seeing its last good version: " + problem.get();
        }
        boolean showToc = post.toc().size() >= 3 || post.wordCount() >= 800;
        // Drafts and scheduled posts (shown only in the preview) are in no listing: no links.
        // Standalone pages are in no listing either.
        Timeline.Ends ends =
            post.isVisibleAt(now) && !post.page()
                ? timeline.ends(now)
                : new Timeline.Ends(null, null);
        PostView view =
            new PostView(
                framed(now).withLanguage(post.language()),
                post,
                showToc,
                marker,
                ends.hasOlder(post),
                ends.hasNewer(post));
        yield SiteResponse.of(200, HTML, pages.post(view));
      }
    };
  }

  private SiteResponse tagIndex(Instant now) {
    return SiteResponse.of(
        200, HTML, pages.tagIndex(new TagIndexView(framed(now), posts.tags(now))));
  }

  private SiteResponse adjacent(Route.Adjacent route, Instant now) {
    return posts
        .adjacent(route.slug(), route.older(), now)
        .map(p -> SiteResponse.redirect(302, SitePaths.post(p.slug())))
        .orElseGet(this::notFound);
  }

  /**
   * An old address: a 301 to the post that names it as an alias; else, for an image path, the image
   * at that path in the media store ({@code /img/x.png}, where a Hugo or Jekyll site had its static
   * files and page bundles their images); else a moved blog's list page ({@link OldListPages});
   * else 404.
   */
  private SiteResponse alias(String path) {
    return posts
        .findAlias(path)
        .map(slug -> SiteResponse.redirect(301, SitePaths.post(slug)))
        .or(() -> staticFile(path))
        .or(() -> OldListPages.redirect(path).map(to -> SiteResponse.redirect(301, to)))
        .orElseGet(this::notFound);
  }

  private Optional<SiteResponse> staticFile(String path) {
    if (MediaStore.contentType(path).isEmpty()) {
      return Optional.empty();
    }
    return media
        .read(path)
        .map(m -> new SiteResponse(200, Map.of("Content-Type", m.contentType()), m.bytes()));
  }

  // ------------------------------------------------------------------ JSON API

  private SiteResponse apiPosts(String after, Instant now) {
    Page<PostSummary> page = posts.list(new Listing.All(), now, config.getPostsPerPage(), after);
    String next = page.next() == null ? null : SitePaths.page("/api/posts", page.next());
    return machine.apiPosts(page, next);
  }

  private SiteResponse apiPost(String slug, Instant now) {
    return posts
        .findPost(slug)
        .filter(p -> p.state() == StoredPost.State.LIVE && p.post().isVisibleAt(now))
        .map(p -> machine.apiPost(p.post()))
        .orElseGet(() -> SiteResponse.of(404, JSON, "{\"error\":\"no such post\"}"));
  }

  // ------------------------------------------------------------------ errors

  private SiteResponse notFound() {
    return error(404, ErrorPages.NOT_FOUND_HEADING, ErrorPages.NOT_FOUND_MESSAGE);
  }

  SiteResponse error(int status, String heading, String message) {
    SiteInfo framed;
    try {
      framed = framed(clock.instant());
    } catch (RuntimeException e) {
      // Storage is failing (this may be the 503 that says so): the page goes without the menu.
      LOG.warn(
          "event", "menu-unavailable",
          "status", String.valueOf(status),
          "error", e.getClass().getName(),
          "message", String.valueOf(e.getMessage()));
      framed = site;
    }
    return errors.page(framed, status, heading, message);
  }

  /**
   * The error page for a request refused before routing (a method other than GET or HEAD, an
   * address that does not parse): no storage request, so it has the menu only if one is in memory.
   * (The function's priming serves such a page, and its snapshot must hold no connection.)
   */
  SiteResponse refusal(int status, String heading, String message) {
    SiteInfo framed = menu.kept().map(site::withMenu).orElse(site);
    return errors.page(framed, status, heading, message);
  }

  /** The site with the header's menu as of {@code now}, for a page's frame. */
  private SiteInfo framed(Instant now) {
    return site.withMenu(menu.get(now));
  }
}
