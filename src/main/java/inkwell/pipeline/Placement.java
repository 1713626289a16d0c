package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.post.Slugs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a post lives and whether it goes on the web: its slug (from the key, the front matter's
 * {@code slug:}, or a moved site's old address), its aliases, whether it is a standalone page, and
 * whether it is kept as a draft ({@code outputs} without html, or a moved page at an address the
 * site serves itself). A slug under a path the site uses itself is refused.
 */
record Placement(String slug, List<String> aliases, boolean page, boolean draft) {

  /**
   * The placement of the source {@code key} under {@code prefix}; adds a {@code NOT_ON_THE_WEB}
   * warning to {@code warnings} where the post is kept off the web. Throws {@link
   * RejectedException} for a reserved slug.
   */
  static Placement of(
      String key,
      String prefix,
      boolean page,
      FrontMatter meta,
      String title,
      Instant date,
      Addresses addresses,
      List<PostError> warnings) {
    String slug = slug(key, prefix, meta.slug());
    List<String> aliases = new ArrayList<>(meta.aliases());
    Optional<OldAddress> old = addresses.oldAddress(key, page, meta, title, date);
    if (old.isPresent()) {
      slug = old.get().slug();
      page = page || old.get().page();
      old.get().aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
    }
    boolean draft = Boolean.TRUE.equals(meta.draft());
    List<String> outputs = meta.addressing().outputs();
    if (outputs != null && !outputs.contains("html")) {
      draft = true;
      aliases.clear();
      warnings.add(
          PostError.at(
              Kind.NOT_ON_THE_WEB,
              1,
              1,
              "outputs "
                  + outputs
                  + " has no html: the post is kept as a draft, not put on the web"));
    }
    if (Slugs.isReserved(slug) && old.isPresent() && page) {
      // A moved site's own tag or archive page (Jekyll's tag-archive.md at /tags/): Inkwell
      // serves that address itself, so the page stays off the web rather than failing the move.
      draft = true;
      aliases.clear();
      warnings.add(
          PostError.at(
              Kind.NOT_ON_THE_WEB,
              1,
              1,
              "the page's address /"
                  + slug
                  + "/ is one Inkwell serves itself; the page is kept as a draft, not put on the"
                  + " web"));
      slug = "moved/" + slug;
    } else if (Slugs.isReserved(slug)) {
      throw new RejectedException(
          PostError.of(
              Kind.INVALID_FIELD,
              "the slug \""
                  + slug
                  + "\" starts with a path the site uses itself ("
                  + String.join(", ", new TreeSet<>(Slugs.RESERVED))
                  + "); move the file or set another slug"));
    }
    return new Placement(slug, List.copyOf(aliases), page, draft);
  }

  private static String slug(String key, String prefix, String frontMatterSlug) {
    String fromKey = Slugs.fromKey(key, prefix);
    if (frontMatterSlug == null) {
      return fromKey;
    }
    if (frontMatterSlug.contains("/")) {
      String path = Slugs.path(frontMatterSlug);
      return path.isEmpty() ? fromKey : path;
    }
    return Slugs.replaceLastSegment(fromKey, frontMatterSlug);
  }
}
