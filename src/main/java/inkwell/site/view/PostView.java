package inkwell.site.view;

import inkwell.post.Post;
import inkwell.site.SiteInfo;

/**
 * A post page. Previous and next links go to {@code SitePaths.older/newer(slug)}, which redirect,
 * so that rendering the page costs one storage request.
 *
 * @param showToc whether the post is long enough for its table of contents to be shown
 * @param preview marks drafts and scheduled posts in the local preview (null on the public site)
 */
public record PostView(SiteInfo site, Post post, boolean showToc, String preview) {}
