package inkwell.pipeline;

import inkwell.post.Slugs;
import java.util.Optional;

/**
 * A post's address on the site it moves from, as Inkwell serves it.
 *
 * @param slug Inkwell's slug for it: the path without {@code .html} or {@code index.html}, each
 *     segment written as Inkwell writes slugs ({@code /posts/My_Post.html} is {@code
 *     posts/my-post})
 * @param alias the old path, when it differs from {@code /slug/}: it answers with a 301
 * @param page true for a Hugo page outside any section ({@code content/about.md}): a standalone
 *     page, not a post
 */
record OldAddress(String slug, Optional<String> alias, boolean page) {

  /** Empty when the address names no path ({@code /}). */
  static Optional<OldAddress> of(String address, boolean page) {
    String path = address;
    if (path.endsWith("/index.html")) {
      path = path.substring(0, path.length() - "index.html".length());
    } else if (path.endsWith(".html") || path.endsWith(".htm")) {
      path = path.substring(0, path.lastIndexOf('.'));
    }
    String slug = Slugs.path(path);
    if (slug.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> alias = Slugs.aliasPath(address).filter(old -> !old.equals(slug));
    return Optional.of(new OldAddress(slug, alias, page));
  }
}
