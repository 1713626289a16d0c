package inkwell.site;

/** What a request asks for, once its path and query are decoded and checked. */
sealed interface Route {

  /** The cursor of a listing page after the first, or {@code null}. */
  record Home(String after) implements Route {}

  /** A post or page; {@code after} is the cursor of a section page's listing, or {@code null}. */
  record PostPage(String slug, String after) implements Route {
    PostPage(String slug) {
      this(slug, null);
    }
  }

  record TagIndex() implements Route {}

  record TagPage(String tagSlug, String after) implements Route {}

  record ArchiveIndex(String after) implements Route {}

  record ArchivePage(int year, int month, String after) implements Route {}

  record Adjacent(String slug, boolean older) implements Route {}

  record Feed(Format format) implements Route {
    enum Format {
      RSS,
      ATOM,
      JSON
    }
  }

  /** {@code page} 0 is {@code /sitemap.xml}, n is {@code /sitemap-n.xml}. */
  record Sitemap(int page) implements Route {}

  record Robots() implements Route {}

  /** {@code /favicon.ico}: the author's icon, else the theme's. */
  record Favicon() implements Route {}

  record Stylesheet(String file) implements Route {}

  /** An image below the media root. */
  record Media(String path) implements Route {}

  record ApiPosts(String after) implements Route {}

  record ApiPost(String slug) implements Route {}

  record ApiTags() implements Route {}

  /** The search page ({@code /search?q=...&page=n}); {@code query} empty for the empty form. */
  record Search(String query, int page) implements Route {}

  /** The search results as JSON ({@code /api/search?q=...&page=n}). */
  record ApiSearch(String query, int page) implements Route {}

  /** A path that may be an old address: looked up among the aliases. */
  record Alias(String path) implements Route {}

  /** The same page lives at {@code location} (trailing slash added, case folded). */
  record Canonical(String location) implements Route {}

  record BadRequest(String reason) implements Route {}

  /** The path or the query string is longer than {@code limit} characters: a 414. */
  record TooLong(int limit) implements Route {}

  record NotFound() implements Route {}
}
