package inkwell.site.view;

import inkwell.site.SiteInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes sample pages and the stylesheet to {@code target/theme-preview/} (or the directory given
 * as the first argument), to open in a browser while working on the theme:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=inkwell.site.view.ThemePreview
 * </pre>
 *
 * The pages link the stylesheet by a relative path so that they work from {@code file://}; site
 * links ({@code /tags/}) do not resolve there.
 */
public final class ThemePreview {

  private ThemePreview() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/theme-preview");
    for (Path file : write(dir)) {
      System.out.println(file.toAbsolutePath().toUri());
    }
  }

  static List<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Theme theme = Theme.load();
    Path css = dir.resolve("site.css");
    Files.write(css, theme.css());
    SiteInfo site = withStylesheet(Samples.site(), "site.css");
    Pages pages = JtePages.create();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("post.html", pages.post(new PostView(site, Samples.longPost(), true, null)));
    files.put(
        "draft.html",
        pages.post(new PostView(site, Samples.shortPost(), false, "Draft - not published")));
    ListingView home = Samples.home();
    files.put(
        "home.html",
        pages.listing(
            new ListingView(
                site,
                home.kind(),
                home.heading(),
                home.description(),
                home.path(),
                home.posts(),
                home.olderPath(),
                home.firstPage())));
    files.put(
        "empty.html",
        pages.listing(
            new ListingView(
                site,
                ListingView.Kind.TAG,
                "Posts tagged Rust",
                null,
                "/tags/rust/",
                List.of(),
                null,
                true)));
    files.put("tags.html", pages.tagIndex(new TagIndexView(site, Samples.tagIndex().tags())));
    ErrorView error = Samples.notFound();
    files.put("404.html", pages.error(new ErrorView(site, 404, error.heading(), error.message())));
    List<Path> written = new java.util.ArrayList<>(List.of(css));
    for (Map.Entry<String, String> file : files.entrySet()) {
      written.add(Files.writeString(dir.resolve(file.getKey()), file.getValue()));
    }
    return written;
  }

  private static SiteInfo withStylesheet(SiteInfo site, String path) {
    return new SiteInfo(
        site.title(),
        site.description(),
        site.baseUrl(),
        site.author(),
        site.language(),
        site.zone(),
        path);
  }
}
