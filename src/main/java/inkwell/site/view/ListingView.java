package inkwell.site.view;

import inkwell.site.SiteInfo;
import inkwell.storage.PostSummary;
import java.util.List;
import java.util.Map;

/**
 * A page listing posts, newest first: the home page, a tag page or an archive page.
 *
 * @param heading the page's h1 ("Posts tagged Java", "August 2024"); the site title on the home
 *     page
 * @param path this page's path without cursor ({@code /tags/java/}), for the canonical link
 * @param olderPath the next page of older posts, or {@code null} on the last page
 * @param firstPage false on pages reached through a cursor (they link back to the first page)
 * @param notices messages for the author shown above the list (the local preview's file errors)
 * @param markers labels for entries that readers would not see ("Draft", "Scheduled"), by slug
 * @param introHtml a section page's text (sanitized HTML, from its {@code _index.md}) shown above
 *     the list, or {@code null}
 */
public record ListingView(
    SiteInfo site,
    Kind kind,
    String heading,
    String description,
    String path,
    List<PostSummary> posts,
    String olderPath,
    boolean firstPage,
    List<String> notices,
    Map<String, String> markers,
    String introHtml) {

  /** Which listing this is. */
  public enum Kind {
    HOME,
    TAG,
    ARCHIVE,
    /** A moved Hugo blog's section page ({@code /posts/}), with its {@code _index.md}'s text. */
    SECTION
  }

  public ListingView {
    posts = List.copyOf(posts);
    notices = List.copyOf(notices);
    markers = Map.copyOf(markers);
  }

  /** A listing as readers see it: no notices, no markers. */
  public ListingView(
      SiteInfo site,
      Kind kind,
      String heading,
      String description,
      String path,
      List<PostSummary> posts,
      String olderPath,
      boolean firstPage) {
    this(
        site,
        kind,
        heading,
        description,
        path,
        posts,
        olderPath,
        firstPage,
        List.of(),
        Map.of(),
        null);
  }
}
