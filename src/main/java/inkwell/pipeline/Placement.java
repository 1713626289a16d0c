package inkwell.pipeline;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.post.Slugs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a post lives and whether it goes on the web: its slug (from the key, the front matter's
 * {@code slug:}, or a moved site's old address), its aliases, whether it is a standalone page, and
 * whether it is kept as a draft ({@code outputs} without html, or a moved page at an address the
 * site serves itself). A slug under a path the site uses itself is refused.
 */
record Placement(
    String slug,
    List<String> aliases,
    boolean page,
    boolean draft,
    boolean section,
    String language) {

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
    if (Slugs.isSectionIndex(key) && !page) {
      return section(key, prefix, meta, warnings);
    }
    String slug = slug(key, prefix, meta.slug());
    List<String> aliases = new ArrayList<>(meta.aliases());
    Optional<OldAddress> old = addresses.oldAddress(key, page, meta, title, date);
    String language = null;
    if (old.isPresent()) {
      slug = old.get().slug();
      language = old.get().language();
      page = page || old.get().page();
      old.get().aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
    }
    boolean draft = Boolean.TRUE.equals(meta.draft()) || addresses.inDrafts(key);
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
    return new Placement(slug, List.copyOf(aliases), page, draft, false, language);
  }

  /**
   * Hugo's {@code _index.md}: a section's page at the section's address (the folder's path, as
   * Inkwell writes it; Hugo's own spelling answers with a 301), or, for the content folder's own
   * {@code _index.md} (the home page's text, which Inkwell's home page does not show), a draft.
   */
  private static Placement section(
      String key, String prefix, FrontMatter meta, List<PostError> warnings) {
    String folder = key.substring(prefix.length(), key.lastIndexOf('/') + 1);
    boolean draft = Boolean.TRUE.equals(meta.draft());
    List<String> aliases = new ArrayList<>(meta.aliases());
    Optional<OldAddress> old = OldAddress.of("/" + folder, true);
    if (old.isEmpty()) {
      warnings.add(
          PostError.at(
              Kind.NOT_ON_THE_WEB,
              1,
              1,
              "the home page's text (_index.md at the top of the content): Inkwell's home page"
                  + " shows the site's title and description, so it is kept as a draft"));
      return new Placement(
          Slugs.fromKey(key, prefix), List.copyOf(aliases), true, true, false, null);
    }
    old.get().aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
    String slug = old.get().slug();
    if (Slugs.isReserved(slug)) {
      // The _index.md of a taxonomy (content/tags/_index.md): Inkwell makes that page itself.
      warnings.add(
          PostError.at(
              Kind.NOT_ON_THE_WEB,
              1,
              1,
              "/" + slug + "/ is a page Inkwell makes itself; this text is kept as a draft"));
      return new Placement("moved/" + slug, List.of(), true, true, false, null);
    }
    return new Placement(slug, List.copyOf(aliases), true, draft, true, null);
  }

  /**
   * The front matter's fields, with the marks of where the post lives: a section's page ({@link
   * Post#SECTION}), its language on a multilingual site ({@link Post#LANGUAGE}).
   */
  Map<String, Object> params(Map<String, Object> params) {
    if (!section && language == null) {
      return params;
    }
    Map<String, Object> marked = new LinkedHashMap<>(params);
    if (section) {
      marked.put(Post.SECTION, true);
    }
    if (language != null) {
      marked.put(Post.LANGUAGE, language);
    }
    return marked;
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
