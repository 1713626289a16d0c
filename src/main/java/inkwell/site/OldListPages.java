package inkwell.site;

import inkwell.post.Slugs;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a moved Hugo or Jekyll blog's list pages go when no post, alias or file claims their
 * address: each to Inkwell's listing that shows the same posts, with a 301. Inkwell has one
 * taxonomy, the tags (a post's categories are among its tags), and pages its listings by a cursor,
 * so old page numbers lead to the listing's first page:
 *
 * <pre>
 * /page/2/, /page2/ (jekyll-paginate)       /
 * /posts/page/2/                            /posts/
 * /categories/, /category/, /tag/           /tags/
 * /categories/x/, /category/x/, /tag/x/     /tags/x/  (and their /page/n/)
 * /index.xml, /posts/index.xml (Hugo's RSS) /feed.xml
 * /posts/x/index.html                       /posts/x/
 * </pre>
 *
 * Stateless.
 */
final class OldListPages {

  /** The taxonomies' old names, Hugo's and the usual Jekyll plugins', that Inkwell's tags take. */
  static final Set<String> TAXONOMIES = Set.of("categories", "category", "tag", "tags");

  private static final Pattern PAGED = Pattern.compile("(?:(.+)/)?page/?[1-9][0-9]{0,5}");

  private OldListPages() {}

  /**
   * The address {@code path} (without its leading and trailing slashes: {@code categories/x}) moved
   * to, if it is an old list page.
   */
  static Optional<String> redirect(String path) {
    if (path.equals("index.xml") || path.endsWith("/index.xml")) {
      return Optional.of(SitePaths.RSS);
    }
    if (path.endsWith("/index.html") || path.equals("index.html")) {
      String folder = path.substring(0, path.length() - "index.html".length());
      return Optional.of("/" + folder);
    }
    Matcher paged = PAGED.matcher(path);
    if (paged.matches()) {
      String listing = paged.group(1);
      return Optional.of(
          listing == null ? SitePaths.HOME : redirect(listing).orElse("/" + listing + "/"));
    }
    String[] segments = path.split("/");
    if (TAXONOMIES.contains(segments[0]) && segments.length <= 2) {
      return Optional.of(
          segments.length == 1 ? SitePaths.TAGS : SitePaths.tag(Slugs.segment(segments[1])));
    }
    return Optional.empty();
  }
}
