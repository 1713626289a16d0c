package inkwell.pipeline;

import inkwell.post.Slugs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Where a post lives when it moved from a Hugo or Jekyll site: its old address by the site's {@link
 * Permalinks} (or the front matter's {@code url}/{@code permalink}), the addresses of the posts it
 * links to by path, and which template syntax its text is written in. Immutable.
 */
final class Addresses {

  private final Permalinks permalinks;
  private final String postsPrefix;
  private final String pagesPrefix;
  private final ZoneId zone;

  /**
   * @param permalinks the site's rules, or {@code null} for a plain folder of posts
   */
  Addresses(Permalinks permalinks, String postsPrefix, String pagesPrefix, ZoneId zone) {
    this.permalinks = permalinks;
    this.postsPrefix = postsPrefix;
    this.pagesPrefix = pagesPrefix;
    this.zone = zone;
  }

  /**
   * The address the old site gave the post, when the site's permalink rules are known or the front
   * matter sets the whole path ({@code url}, {@code permalink}): Inkwell's slug for it, and the old
   * path as an alias when the two differ ({@code /posts/my_post/} answers with a 301 to {@code
   * /posts/my-post/}).
   */
  Optional<OldAddress> oldAddress(
      String key, boolean page, FrontMatter meta, String title, Instant date) {
    String prefix = page ? pagesPrefix : postsPrefix;
    String url = meta.addressing().url();
    if ((permalinks == null && url == null) || !key.startsWith(prefix)) {
      return Optional.empty();
    }
    String relative = key.substring(prefix.length());
    Optional<HugoLanguages.Placed> language =
        permalinks == null ? Optional.empty() : permalinks.languages().of(relative);
    if (language.isPresent()) {
      relative = language.get().path();
    }
    String address;
    if (permalinks == null) {
      address = url.startsWith("/") ? url : "/" + url;
    } else if (page) {
      address = permalinks.pageAddress(relative, url);
    } else {
      LocalDate day =
          meta.addressing().writtenDate() != null
              ? meta.addressing().writtenDate()
              : date.atZone(zone).toLocalDate();
      address =
          permalinks.address(
              new Permalinks.Facts(
                  relative, day, title, meta.slug(), categories(key, meta.categories()), url));
    }
    String languagePrefix = language.map(HugoLanguages.Placed::prefix).orElse("");
    if (url == null) {
      address = languagePrefix + address;
    }
    boolean hugo = permalinks != null && permalinks.tool() == Permalinks.Tool.HUGO;
    Optional<OldAddress> old = OldAddress.of(address, hugo && !relative.contains("/"));
    if (language.isPresent() && old.isPresent()) {
      old = Optional.of(old.get().in(language.get().language()));
    }
    if (hugo && old.isPresent()) {
      // Where the file lies in the content folder also leads to it: the target of ref/relref.
      String byPath = Slugs.fromKey(languagePrefix + "/" + relative, "");
      if (!byPath.equals(old.get().slug()) && !old.get().aliases().contains(byPath)) {
        List<String> aliases = new java.util.ArrayList<>(old.get().aliases());
        aliases.add(byPath);
        old =
            Optional.of(
                new OldAddress(
                    old.get().slug(),
                    List.copyOf(aliases),
                    old.get().page(),
                    old.get().language()));
      }
    }
    return old;
  }

  /**
   * A post's categories: for a Jekyll site, the folders above its {@code _posts} or {@code _drafts}
   * ({@code blog/_posts/x.md} is in {@code blog}, key {@code posts/blog/_posts/x.md}), then those
   * {@code written} in its front matter, each once, as Jekyll merges them.
   */
  List<String> categories(String key, List<String> written) {
    if (dialect() != Templates.Dialect.JEKYLL || !key.startsWith(postsPrefix)) {
      return written;
    }
    List<String> segments = List.of(key.substring(postsPrefix.length()).split("/"));
    int special = jekyllFolder(segments);
    if (special <= 0) {
      return written;
    }
    java.util.LinkedHashSet<String> all =
        new java.util.LinkedHashSet<>(segments.subList(0, special));
    all.addAll(written);
    return List.copyOf(all);
  }

  /** True for a post in a Jekyll site's {@code _drafts} (key {@code posts/_drafts/x.md}). */
  boolean inDrafts(String key) {
    if (dialect() != Templates.Dialect.JEKYLL || !key.startsWith(postsPrefix)) {
      return false;
    }
    List<String> segments = List.of(key.substring(postsPrefix.length()).split("/"));
    int special = jekyllFolder(segments);
    return special >= 0 && segments.get(special).equals("_drafts");
  }

  /** Where {@code _posts} or {@code _drafts} is among a key's folders, or -1. */
  private static int jekyllFolder(List<String> segments) {
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i).equals("_posts") || segments.get(i).equals("_drafts")) {
        return i;
      }
    }
    return -1;
  }

  Templates.Dialect dialect() {
    if (permalinks == null) {
      return Templates.Dialect.PLAIN;
    }
    return permalinks.tool() == Permalinks.Tool.HUGO
        ? Templates.Dialect.HUGO
        : Templates.Dialect.JEKYLL;
  }

  /**
   * The address of another source named by its path ({@code posts/other.md}, Jekyll's {@code
   * _posts/2024-08-05-hello.md}), for Hugo's {@code ref} and Jekyll's {@code post_url}: for Hugo
   * the content path, which every post answers with a 301; for Jekyll the address its file name
   * gives (a {@code slug} or {@code permalink} in the target's front matter is not seen).
   */
  String linkTo(String path) {
    return addressOf(path);
  }

  /**
   * Where a reference ({@code ref}, {@code post_url}, {@code link}) from the source {@code fromKey}
   * leads: the address of the first file of the site it can name (Hugo's path from the content
   * folder, then from the post's own folder; with or without {@code .md}, or a bundle's {@code
   * index.md}), with its {@code #anchor}; or, when it names none, the address it would have and
   * what was looked for. A reference to another kind of file (Jekyll's {@code {% link assets/a.pdf
   * %}}) is looked for among the media.
   */
  Templates.Link link(String path, String fromKey, SiteFiles files) {
    String written = path.strip();
    int hash = written.indexOf('#');
    String anchor = hash < 0 ? "" : written.substring(hash);
    String target = hash < 0 ? written : written.substring(0, hash);
    if (target.isEmpty()) {
      return new Templates.Link(anchor, null);
    }
    String relative = target.replaceFirst("^/", "").replaceFirst("^content/", "");
    boolean markdown = Slugs.isMarkdown(relative) || !relative.contains(".");
    if (!markdown) {
      boolean found = files.hasMedia(relative);
      return new Templates.Link(
          "/" + relative + anchor, found ? null : relative + " is not among the site's files");
    }
    List<String> names = new java.util.ArrayList<>();
    String bare = relative.startsWith("_posts/") ? relative.substring(7) : relative;
    names.add(bare);
    String from = fromKey.startsWith(postsPrefix) ? fromKey.substring(postsPrefix.length()) : "";
    int folder = from.lastIndexOf('/');
    if (!target.startsWith("/") && folder > 0) {
      names.add(from.substring(0, folder + 1) + bare);
    }
    List<String> tried = new java.util.ArrayList<>();
    for (String name : names) {
      List<String> forms =
          Slugs.isMarkdown(name)
              ? List.of(name)
              : List.of(name + ".md", name + ".markdown", name + "/index.md", name + "/_index.md");
      for (String form : forms) {
        for (String prefix : prefixesFor(relative)) {
          tried.add(prefix + form);
          if (files.hasSource(prefix + form)) {
            String address = addressOf(form);
            return new Templates.Link(address == null ? null : address + anchor, null);
          }
        }
      }
    }
    String address = addressOf(relative);
    return new Templates.Link(
        address == null ? null : address + anchor,
        "names no file of the site (looked for " + String.join(", ", tried) + ")");
  }

  /** Where a reference's target may be: posts, and for a plain folder or Jekyll, pages too. */
  private List<String> prefixesFor(String relative) {
    if (dialect() == Templates.Dialect.HUGO
        || relative.startsWith("_posts/")
        || pagesPrefix.isEmpty()) {
      return List.of(postsPrefix);
    }
    return List.of(postsPrefix, pagesPrefix);
  }

  private String addressOf(String path) {
    String relative = path.strip().replaceFirst("^/", "").replaceFirst("^content/", "");
    if (relative.startsWith("_posts/")) {
      relative = relative.substring("_posts/".length());
    }
    if (!Slugs.isMarkdown(relative)) {
      relative = relative + ".md";
    }
    if (permalinks == null || permalinks.tool() == Permalinks.Tool.HUGO) {
      // For Hugo, the content path: every post answers there with a 301 (see oldAddress).
      return "/" + Slugs.fromKey(relative, "") + "/";
    }
    LocalDate day = Inference.fileNameDate(relative).orElse(null);
    String address =
        permalinks.address(new Permalinks.Facts(relative, day, null, null, List.of(), null));
    return OldAddress.of(address, false).map(a -> "/" + a.slug() + "/").orElse(null);
  }
}
