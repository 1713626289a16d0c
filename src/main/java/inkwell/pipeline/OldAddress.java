package inkwell.pipeline;

import inkwell.post.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A post's address on the site it moves from, as Inkwell serves it.
 *
 * @param slug Inkwell's slug for it: the path without {@code .html} or {@code index.html}, each
 *     segment written as Inkwell writes slugs ({@code /posts/My_Post.html} is {@code
 *     posts/my-post})
 * @param aliases the old paths that differ from {@code /slug/}: they answer with a 301. An address
 *     without an extension or a trailing slash ({@code /blog/hello}, which Jekyll writes as {@code
 *     blog/hello.html}) also answers as {@code /blog/hello.html}
 * @param page true for a Hugo page outside any section ({@code content/about.md}): a standalone
 *     page, not a post
 * @param language the page's language on a multilingual Hugo site, or {@code null}
 */
record OldAddress(String slug, List<String> aliases, boolean page, String language) {

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
    List<String> aliases = new ArrayList<>();
    Slugs.aliasPath(address).filter(old -> !old.equals(slug)).ifPresent(aliases::add);
    String last = address.substring(address.lastIndexOf('/') + 1);
    if (!last.isEmpty() && !last.contains(".")) {
      Slugs.aliasPath(address + ".html").ifPresent(aliases::add);
    }
    return Optional.of(new OldAddress(slug, List.copyOf(aliases), page, null));
  }

  /** This address, of a page in {@code language} (a multilingual Hugo site's). */
  OldAddress in(String language) {
    return new OldAddress(slug, aliases, page, language);
  }
}
