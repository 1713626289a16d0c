package inkwell.site.view;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.site.SiteInfo;
import inkwell.site.SitePaths;
import inkwell.support.StructuredLog;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * What the layout writes into a page's {@code <head>} and navigation, worked out here so that the
 * templates only print it. Every field is plain text; the templates escape it.
 *
 * @param title the {@code <title>}: the page's own title, then the site's
 * @param heading the page's own title, for Open Graph and Twitter cards
 * @param path the site path of the page, or {@code null} (error pages), to mark the current nav
 *     link
 * @param canonicalUrl absolute, or {@code null} on error pages, which have no URL of their own
 * @param imageUrl absolute URL of the post's cover image, or {@code null}
 * @param published ISO date and time for {@code article:published_time}, or {@code null}
 * @param modified ISO date and time for {@code article:modified_time}, or {@code null}
 * @param author the post's author for {@code <meta name="author">}, or {@code null}
 * @param noindex asks search engines not to index the page (errors, local previews of drafts)
 * @param query what the header's search box holds: the query on the search page, else empty
 */
record PageMeta(
    String title,
    String heading,
    String description,
    String path,
    String canonicalUrl,
    String type,
    String imageUrl,
    String published,
    String modified,
    List<String> tags,
    String author,
    boolean noindex,
    String query) {

  private static final StructuredLog LOG = new StructuredLog("inkwell.site.view");

  private static final String SEPARATOR = " · ";

  PageMeta {
    tags = List.copyOf(tags);
  }

  static PageMeta post(PostView view) {
    SiteInfo site = view.site();
    Post post = view.post();
    String path = SitePaths.post(post.slug());
    return new PageMeta(
        post.title() + SEPARATOR + site.title(),
        post.title(),
        orElse(post.summary(), site.description()),
        path,
        post.canonicalUrl() != null ? post.canonicalUrl() : site.url(path),
        post.page() ? "website" : "article",
        post.image() == null ? null : absoluteImage(site, path, post.image()),
        post.page() ? null : Format.isoDateTime(post.date(), site),
        post.page() ? null : Format.isoDateTime(post.updated(), site),
        post.page() ? List.of() : post.tags().stream().map(Tag::name).toList(),
        post.author() != null ? post.author() : site.authorOrNull(),
        view.preview() != null,
        "");
  }

  static PageMeta listing(ListingView view) {
    SiteInfo site = view.site();
    boolean home = view.kind() == ListingView.Kind.HOME;
    String heading;
    if (view.firstPage()) {
      heading = view.heading();
    } else {
      heading = home ? "Older posts" : view.heading() + SEPARATOR + "older posts";
    }
    return website(
        home && view.firstPage() ? site.title() : heading + SEPARATOR + site.title(),
        heading,
        orElse(view.description(), site.description()),
        view.firstPage() ? view.path() : null,
        site.url(view.path()),
        false);
  }

  static PageMeta tagIndex(TagIndexView view) {
    SiteInfo site = view.site();
    return website(
        "Tags" + SEPARATOR + site.title(),
        "Tags",
        "Every tag on " + site.title() + ", with its number of posts.",
        SitePaths.TAGS,
        site.url(SitePaths.TAGS),
        false);
  }

  static PageMeta search(SearchView view) {
    SiteInfo site = view.site();
    String heading = view.emptyForm() ? "Search" : "Results for \u201c" + view.query() + "\u201d";
    return website(
        heading + SEPARATOR + site.title(),
        heading,
        "Search the posts of " + site.title() + ".",
        SitePaths.SEARCH,
        null,
        true,
        view.query());
  }

  static PageMeta error(ErrorView view) {
    SiteInfo site = view.site();
    return website(
        view.status() + " " + view.heading() + SEPARATOR + site.title(),
        view.heading(),
        view.message(),
        null,
        null,
        true);
  }

  /** A page that is not an article: no image, dates, tags or author of its own. */
  private static PageMeta website(
      String title,
      String heading,
      String description,
      String path,
      String canonicalUrl,
      boolean noindex) {
    return website(title, heading, description, path, canonicalUrl, noindex, "");
  }

  /** A page that is not an article, with {@code query} in the header's search box. */
  private static PageMeta website(
      String title,
      String heading,
      String description,
      String path,
      String canonicalUrl,
      boolean noindex,
      String query) {
    return new PageMeta(
        title,
        heading,
        description,
        path,
        canonicalUrl,
        "website",
        null,
        null,
        null,
        List.of(),
        null,
        noindex,
        query);
  }

  /** {@code "page"} when {@code navPath} is this page, for {@code aria-current}; else null. */
  String current(String navPath) {
    return navPath.equals(path) ? "page" : null;
  }

  /** The Twitter card type: a large image when there is one. */
  String twitterCard() {
    return imageUrl != null ? "summary_large_image" : "summary";
  }

  /**
   * The pipeline accepts an http(s) URL or a path. A path starting with {@code /} is below the site
   * root; any other path is relative to the post's page, as it is in the post's body.
   */
  static String absoluteImage(SiteInfo site, String postPath, String image) {
    URI uri;
    try {
      uri = new URI(image);
    } catch (URISyntaxException e) {
      // The pipeline never lets one through; a page without its preview image beats a 500.
      LOG.warn("action", "IMAGE_DROPPED", "image", image, "reason", e.getMessage());
      return null;
    }
    if (uri.isAbsolute()) {
      return image;
    }
    if (image.startsWith("/")) {
      return site.url(image);
    }
    return URI.create(site.url(postPath)).resolve(uri).toString();
  }

  private static String orElse(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text;
  }
}
