package inkwell.site.view;

import inkwell.post.Post;
import inkwell.site.SiteInfo;

/**
 * A post page. Previous and next links go to {@code SitePaths.older/newer(slug)}, which redirect,
 * so that rendering the page costs one storage request; each is shown only if that neighbour
 * exists.
 *
 * @param showToc whether the post is long enough for its table of contents to be shown
 * @param preview marks drafts and scheduled posts in the local preview (null on the public site)
 * @param hasOlder whether an older visible post exists, so the "Older post" link leads somewhere
 * @param hasNewer whether a newer visible post exists
 */
public record PostView(
    SiteInfo site, Post post, boolean showToc, String preview, boolean hasOlder, boolean hasNewer) {

  /** A post page without older and newer links. */
  public PostView(SiteInfo site, Post post, boolean showToc, String preview) {
    this(site, post, showToc, preview, false, false);
  }
}
