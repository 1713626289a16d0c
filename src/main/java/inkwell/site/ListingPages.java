package inkwell.site;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.site.view.ListingView;
import inkwell.site.view.Pages;
import inkwell.storage.Listing;
import inkwell.storage.Page;
import inkwell.storage.PostReader;
import inkwell.storage.PostSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The listing pages, for one base URL: the home page, a tag's, a year's or month's archive, and a
 * moved Hugo blog's section page; each one Query of the posts index (a section page also reads its
 * own page). In the preview, entries readers would not see carry a marker. Thread-safe.
 */
final class ListingPages {

  private static final String HTML = SiteService.HTML;

  private final PostReader posts;
  private final Pages pages;
  private final SiteInfo site;
  private final SiteConfig config;
  private final Clock clock;
  private final PreviewNotes notes;
  private final Function<Instant, SiteInfo> framed;
  private final Supplier<SiteResponse> notFound;

  /**
   * @param framed the site with the header's menu as of a moment
   * @param notFound the 404 page
   */
  ListingPages(
      PostReader posts,
      Pages pages,
      SiteInfo site,
      SiteConfig config,
      Clock clock,
      PreviewNotes notes,
      Function<Instant, SiteInfo> framed,
      Supplier<SiteResponse> notFound) {
    this.posts = posts;
    this.pages = pages;
    this.site = site;
    this.config = config;
    this.clock = clock;
    this.notes = notes;
    this.framed = framed;
    this.notFound = notFound;
  }

  SiteResponse home(String after, Instant now) {
    Page<PostSummary> page = posts.list(new Listing.All(), now, config.getPostsPerPage(), after);
    return listing(
        ListingView.Kind.HOME, site.title(), site.description(), SitePaths.HOME, page, after);
  }

  /** In the local preview, why a post would not be public; null if it is. */
  static String marker(boolean draft, Instant visibleFrom, Instant expiry, Instant now) {
    if (draft) {
      return "Draft: not published";
    }
    if (visibleFrom.isAfter(now)) {
      return "Scheduled: appears on " + visibleFrom;
    }
    if (expiry != null && !now.isBefore(expiry)) {
      return "Expired on " + expiry;
    }
    return null;
  }

  /**
   * A section's page (a moved Hugo blog's {@code /posts/}, from its {@code _index.md}): its title
   * and text above the listing of every post, newest first. Two requests: the page, one listing
   * page.
   */
  SiteResponse section(Post section, String after, Instant now) {
    Page<PostSummary> page = posts.list(new Listing.All(), now, config.getPostsPerPage(), after);
    return listing(
        ListingView.Kind.SECTION,
        section.title(),
        section.summary(),
        SitePaths.post(section.slug()),
        page,
        after,
        section.bodyHtml());
  }

  /**
   * The page of a section without an {@code _index.md} ({@code /posts/}): Hugo's title for it above
   * the listing of every post.
   */
  SiteResponse section(String slug, String after, Instant now) {
    Page<PostSummary> page = posts.list(new Listing.All(), now, config.getPostsPerPage(), after);
    return listing(
        ListingView.Kind.SECTION,
        inkwell.pipeline.Permalinks.sectionTitle(slug.substring(slug.lastIndexOf('/') + 1)),
        null,
        SitePaths.post(slug),
        page,
        after,
        null);
  }

  SiteResponse tagPage(Route.TagPage route, Instant now) {
    Page<PostSummary> page =
        posts.list(
            new Listing.Tagged(route.tagSlug()), now, config.getPostsPerPage(), route.after());
    if (page.items().isEmpty() && route.after() == null) {
      return notFound.get();
    }
    String name =
        page.items().stream()
            .flatMap(p -> p.tags().stream())
            .filter(t -> t.slug().equals(route.tagSlug()))
            .map(Tag::name)
            .findFirst()
            .orElse(route.tagSlug());
    return listing(
        ListingView.Kind.TAG,
        "Posts tagged \u201c" + name + "\u201d",
        "Everything on " + site.title() + " tagged " + name + ".",
        SitePaths.tag(route.tagSlug()),
        page,
        route.after());
  }

  SiteResponse archiveIndex(String after, Instant now) {
    Page<PostSummary> page = posts.list(new Listing.All(), now, 100, after);
    return listing(
        ListingView.Kind.ARCHIVE,
        "Archive",
        "Every post on " + site.title() + ".",
        SitePaths.ARCHIVE,
        page,
        after);
  }

  SiteResponse archivePage(Route.ArchivePage route, Instant now) {
    Page<PostSummary> page =
        posts.list(new Listing.Archive(route.year(), route.month()), now, 100, route.after());
    if (page.items().isEmpty() && route.after() == null) {
      return notFound.get();
    }
    Locale locale = Locale.forLanguageTag(site.language());
    String heading =
        route.month() == 0
            ? "Posts from " + route.year()
            : "Posts from "
                + Month.of(route.month()).getDisplayName(TextStyle.FULL, locale)
                + " "
                + route.year();
    return listing(
        ListingView.Kind.ARCHIVE,
        heading,
        heading + " on " + site.title() + ".",
        SitePaths.archive(route.year(), route.month()),
        page,
        route.after());
  }

  private SiteResponse listing(
      ListingView.Kind kind,
      String heading,
      String description,
      String path,
      Page<PostSummary> page,
      String after) {
    return listing(kind, heading, description, path, page, after, null);
  }

  private SiteResponse listing(
      ListingView.Kind kind,
      String heading,
      String description,
      String path,
      Page<PostSummary> page,
      String after,
      String introHtml) {
    String older = page.next() == null ? null : SitePaths.page(path, page.next());
    Map<String, String> markers = new HashMap<>();
    if (notes.showUnpublished()) {
      Instant now = clock.instant();
      for (PostSummary entry : page.items()) {
        String marker = marker(entry.draft(), entry.visibleFrom(), entry.expiryDate(), now);
        if (marker != null) {
          markers.put(entry.slug(), marker);
        }
      }
    }
    ListingView view =
        new ListingView(
            framed.apply(clock.instant()),
            kind,
            heading,
            description,
            path,
            page.items(),
            older,
            after == null,
            notes.problems(),
            markers,
            introHtml);
    return SiteResponse.of(200, HTML, pages.listing(view));
  }
}
