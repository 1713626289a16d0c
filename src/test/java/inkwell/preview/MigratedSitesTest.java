package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./preview SITE} on a Hugo or Jekyll site root (the fixtures in {@code
 * src/test/resources/migrate}, one per shape): every address the old site served answers, at once
 * or with a 301 to the post, its images are where they were, and no page shows template syntax.
 */
class MigratedSitesTest {

  private static final Pattern TEMPLATE_SYNTAX = Pattern.compile("\\{\\{&lt;|\\{\\{%|\\{%|\\{:");
  private static final Pattern PRE = Pattern.compile("(?s)<pre.*?</pre>");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private PreviewServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(String fixture) throws Exception {
    start(fixture, false);
  }

  private void start(String fixture, boolean drafts) throws Exception {
    start(Path.of("src/test/resources/migrate", fixture), drafts);
  }

  private void start(Path site, boolean drafts) throws Exception {
    server =
        PreviewServer.start(new PreviewOptions(site, null, 0, "127.0.0.1", drafts, false, false));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of {@code path}, and where a redirect goes: "200" or "301 /to/". */
  private String answer(String path) throws Exception {
    HttpResponse<String> response = get(path);
    return response.statusCode()
        + response
            .headers()
            .firstValue("Location")
            .map(l -> " " + URI.create(l).getPath())
            .orElse("");
  }

  /** Every page the preview links from its archive, home and pages, with template syntax left. */
  private List<String> pagesWithTemplateSyntax(List<String> paths) throws Exception {
    List<String> found = new ArrayList<>();
    for (String path : paths) {
      String text = PRE.matcher(get(path).body()).replaceAll("").replaceAll("<[^>]*>", "");
      if (TEMPLATE_SYNTAX.matcher(text).find()) {
        found.add(path);
      }
    }
    return found;
  }

  @Test
  void aDanglingRefAndAMissingImageAreWarningsThePostStillShows(
      @org.junit.jupiter.api.io.TempDir Path site) throws Exception {
    java.nio.file.Files.writeString(site.resolve("hugo.toml"), "title = \"Refs\"\n");
    Path posts = java.nio.file.Files.createDirectories(site.resolve("content/posts"));
    java.nio.file.Files.createDirectories(site.resolve("static/img"));
    java.nio.file.Files.write(site.resolve("static/img/there.png"), new byte[] {1});
    java.nio.file.Files.writeString(
        posts.resolve("a.md"),
        "---\ntitle: A\n---\n[b]({{< ref \"posts/b.md\" >}}) [c]({{< ref \"posts/c.md\" >}})\n\n"
            + "![here](/img/there.png) ![lost](/img/gone.png)\n");
    java.nio.file.Files.writeString(posts.resolve("b.md"), "---\ntitle: B\n---\nText.\n");
    start(site, false);
    assertThat(answer("/posts/a/")).isEqualTo("200");
    assertThat(server.warnings())
        .containsExactly(
            "posts/posts/a.md:4:35: {{< ref \"posts/c.md\" >}} names no file of the site"
                + " (looked for posts/posts/c.md, posts/posts/posts/c.md)",
            "posts/posts/a.md:6:25: image /img/gone.png is not among the site's files"
                + " (looked for img/gone.png); the reader sees a broken image");
  }

  @Test
  void aHugoSiteInTomlKeepsItsPermalinksAndStaticFiles() throws Exception {
    start("hugo-toml");
    assertThat(answer("/2024/03/first-post-hello/")).isEqualTo("200");
    assertThat(answer("/2024/04/second/")).isEqualTo("200");
    // ref "posts/second.md" links the content path, which answers with a 301 to the post.
    assertThat(answer("/posts/second/")).isEqualTo("301 /2024/04/second/");
    assertThat(answer("/about/")).isEqualTo("200");
    assertThat(answer("/img/logo.png")).isEqualTo("200");
    assertThat(get("/").body()).contains("<title>A Hugo blog in TOML</title>");
    assertThat(get("/2024/03/first-post-hello/").body())
        .contains("<figure><img src=\"/img/logo.png\" alt=\"The logo\">")
        .contains("href=\"https://www.youtube.com/watch?v=w7Ft2ymGmfc\"")
        .contains("href=\"/posts/second/\"");
    assertThat(
            pagesWithTemplateSyntax(
                List.of("/2024/03/first-post-hello/", "/2024/04/second/", "/about/", "/")))
        .isEmpty();
  }

  @Test
  void aHugoSectionPageListsThePostsBelowTheTitleAndTextOfItsIndexFile() throws Exception {
    start("hugo-toml");
    HttpResponse<String> section = get("/posts/");
    assertThat(section.statusCode()).isEqualTo(200);
    assertThat(section.body())
        .contains("<h1>All the posts</h1>")
        .contains("<p>Everything written here, newest first.</p>")
        .contains("href=\"/2024/03/first-post-hello/\"")
        .contains("href=\"/2024/04/second/\"");
    // The content folder's own _index.md is the home page's text: no page of its own.
    assertThat(answer("/index/")).isEqualTo("404");
  }

  @Test
  void aHugoBlogsListPagesAnswerOrLeadToInkwellsListings() throws Exception {
    start("hugo-toml");
    assertThat(answer("/page/2/")).isEqualTo("301 /");
    assertThat(answer("/posts/page/2/")).isEqualTo("301 /posts/");
    assertThat(answer("/tags/hugo/")).isEqualTo("200");
    assertThat(answer("/tags/hugo/page/2/")).isEqualTo("301 /tags/hugo/");
    assertThat(answer("/categories/")).isEqualTo("301 /tags/");
    assertThat(answer("/categories/field-notes/")).isEqualTo("301 /tags/field-notes/");
    assertThat(answer("/categories/field-notes/page/3/")).isEqualTo("301 /tags/field-notes/");
    assertThat(answer("/tags/field-notes/")).isEqualTo("200");
    assertThat(answer("/index.xml")).isEqualTo("301 /feed.xml");
    assertThat(answer("/posts/index.xml")).isEqualTo("301 /feed.xml");
    assertThat(answer("/2024/04/second/index.html")).isEqualTo("301 /2024/04/second/");
    assertThat(answer("/nothing/page/2/")).isEqualTo("301 /nothing/");
  }

  @Test
  void aMultilingualHugoSitePutsTheDefaultLanguageAtTheRootAndTheOthersUnderTheirCode()
      throws Exception {
    start("hugo-multilingual");
    // The addresses Hugo 0.111.3 writes for this fixture.
    assertThat(answer("/posts/hello/")).isEqualTo("200");
    assertThat(answer("/fr/posts/hello/")).isEqualTo("200");
    assertThat(answer("/posts/trip/")).isEqualTo("200");
    assertThat(answer("/fr/posts/trip/")).isEqualTo("200");
    assertThat(answer("/posts/hello-fr/")).isEqualTo("404");
    assertThat(answer("/posts/trip/index-en/")).isEqualTo("404");
    assertThat(get("/posts/hello/").body()).contains("<html lang=\"en\"");
    assertThat(get("/fr/posts/hello/").body())
        .contains("<html lang=\"fr\"")
        .contains("Le même billet, en français.");
    assertThat(get("/fr/posts/trip/").body()).contains("<html lang=\"fr\"");
    assertThat(answer("/fr/")).isEqualTo("200");
    assertThat(answer("/fr/posts/")).isEqualTo("200");
  }

  @Test
  void aHugoSiteInYamlWithUglyUrlsAnswersAtItsHtmlAddresses() throws Exception {
    start("hugo-yaml");
    assertThat(answer("/posts/hello_world.html")).isEqualTo("301 /posts/hello-world/");
    assertThat(answer("/old/hello/")).isEqualTo("301 /posts/hello-world/");
    assertThat(answer("/posts/feed-only.html")).isEqualTo("404");
    assertThat(pagesWithTemplateSyntax(List.of("/posts/hello-world/"))).isEmpty();
  }

  @Test
  void aPageBundlePublishesAtItsFolderWithItsImages() throws Exception {
    start("hugo-bundles");
    assertThat(answer("/posts/trip/")).isEqualTo("200");
    assertThat(answer("/posts/trip/view.png")).isEqualTo("200");
    // The section has no _index.md: its page has Hugo's title for it, and lists the posts.
    assertThat(get("/posts/").body()).contains("<h1>Posts</h1>").contains("href=\"/posts/trip/\"");
    assertThat(answer("/notes/")).isEqualTo("404"); // no such section
    assertThat(get("/posts/trip/").body())
        .contains("<img src=\"/posts/trip/view.png\" alt=\"The view\">")
        .contains("<img src=\"/posts/trip/view.png\" alt=\"The view again\">");
  }

  @Test
  void aJekyllPostTakesTheFoldersAboveItsPostsFolderAsCategories() throws Exception {
    start("jekyll");
    // travel/_posts/2023-07-01-by-the-sea.md, permalink /:categories/:year/:month/:day/:title/
    assertThat(answer("/travel/summer/2023/07/01/by-the-sea/")).isEqualTo("200");
    assertThat(answer("/tags/travel/")).isEqualTo("200");
    assertThat(answer("/category/travel/")).isEqualTo("301 /tags/travel/");
    assertThat(get("/tags/summer/").body())
        .contains("href=\"/travel/summer/2023/07/01/by-the-sea/\"");
  }

  @Test
  void aJekyllDraftIsNotPublished() throws Exception {
    start("jekyll");
    assertThat(answer("/2025/01/02/a-draft-idea/")).isEqualTo("404");
    assertThat(get("/archive/").body()).doesNotContain("A draft idea");
  }

  @Test
  void aJekyllDraftShowsInThePreviewWithDrafts() throws Exception {
    start("jekyll", true);
    HttpResponse<String> draft = get("/2025/01/02/a-draft-idea/");
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(draft.body())
        .contains("Draft: not published")
        .contains("Not ready for readers yet.");
  }

  @Test
  void aJekyllSiteKeepsItsPermalinksPagesAndAssets() throws Exception {
    start("jekyll");
    assertThat(answer("/notes/2024/03/05/My_Post/")).isEqualTo("301 /notes/2024/03/05/my-post/");
    assertThat(answer("/notes/2024/03/05/my-post/")).isEqualTo("200");
    assertThat(answer("/2020/01/02/older/")).isEqualTo("200");
    assertThat(answer("/about/")).isEqualTo("200");
    // Pages take the permalink style's ending (Jekyll's Page#template): "/" here.
    assertThat(answer("/contact/")).isEqualTo("200");
    assertThat(answer("/readme/")).isEqualTo("404");
    assertThat(get("/2021/05/06/moved/").headers().firstValue("Location"))
        .contains("https://elsewhere.example/moved/");
    assertThat(get("/2021/05/06/moved/").statusCode()).isEqualTo(301);
    assertThat(answer("/home/")).isEqualTo("404"); // permalink: / is the home page
    assertThat(answer("/tags/")).isEqualTo("200"); // Inkwell's own tag index, not the old page
    assertThat(answer("/page2/")).isEqualTo("301 /"); // jekyll-paginate's second page
    assertThat(answer("/category/notes/")).isEqualTo("301 /tags/notes/");
    assertThat(answer("/tags/notes/")).isEqualTo("200");
    assertThat(answer("/assets/img/a.png")).isEqualTo("200");
    assertThat(get("/notes/2024/03/05/my-post/").body())
        .contains("<img src=\"/assets/img/a.png\" alt=\"A picture\">")
        .contains("href=\"/2020/01/02/older/\"")
        .contains("Liquid looks like {{ this }}.");
    assertThat(
            pagesWithTemplateSyntax(
                List.of(
                    "/notes/2024/03/05/my-post/",
                    "/2020/01/02/older/",
                    "/about/",
                    "/contact/",
                    "/")))
        .isEmpty();
  }
}
