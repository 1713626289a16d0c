package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.site.view.Theme;
import inkwell.support.Gzip;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local preview as an author uses it: started on a random port over a folder, pages fetched
 * over real HTTP, files added, edited, renamed, deleted and broken while it runs.
 */
class PreviewServerTest {

  /** Long enough for a slow CI machine; the watcher usually reacts within a tenth of that. */
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path folder;
  private PreviewServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private PreviewServer start(boolean drafts) throws Exception {
    server = PreviewServer.start(new PreviewOptions(folder, null, 0, "127.0.0.1", drafts, false));
    return server;
  }

  private void write(String name, String markdown) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(path, Map.of());
  }

  /**
   * Fetches {@code path} until the response satisfies {@code condition}, or fails after a while.
   */
  private HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition)
      throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    HttpResponse<String> response = get(path);
    while (!condition.test(response) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      response = get(path);
    }
    assertThat(condition.test(response))
        .as("GET %s never satisfied the condition; last status %d", path, response.statusCode())
        .isTrue();
    return response;
  }

  @Test
  void theFolderIsServedOverHttpWithTheSitesHeaders() throws Exception {
    write(
        "hello.md", "---\ntitle: Hello preview\ndate: 2025-01-01\ntags: [demo]\n---\nFirst words.");
    write("2024/nested.md", "# Nested post\n\nJanuary 5, 2024\n\nInside a folder.");
    start(false);

    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(home.body()).select("main article h2 a").eachText())
        .containsExactly("Hello preview", "Nested post");
    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
    assertThat(home.headers().firstValue("ETag")).isPresent();
    assertThat(get("/2024/nested/").statusCode()).isEqualTo(200);
    assertThat(get("/tags/demo/").body()).contains("Hello preview");
    assertThat(get("/feed.xml").body()).contains("First words.");
    assertThat(Jsoup.parse(home.body()).select("link[rel=canonical]").attr("href"))
        .isEqualTo(server.url());
  }

  /**
   * The conditional-request and encoding rules that {@code HttpSemanticsTest} tables, once over a
   * real HTTP connection: a star and a weak tag in {@code If-None-Match} match a page, and a star
   * in {@code Accept-Encoding} accepts gzip.
   */
  @Test
  void aStarOrAWeakTagGetsA304AndAStarEncodingGetsGzipOverHttp() throws Exception {
    write("hello.md", "---\ntitle: Hello preview\ndate: 2025-01-01\n---\nFirst words.");
    start(false);
    String etag = get("/hello/").headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");

    for (String condition : List.of("*", "W/" + etag)) {
      HttpResponse<String> notModified = get("/hello/", Map.of("If-None-Match", condition));
      assertThat(notModified.statusCode()).as(condition).isEqualTo(304);
      assertThat(notModified.body()).as(condition).isEmpty();
      assertThat(notModified.headers().firstValue("ETag")).as(condition).hasValue(etag);
    }
    assertThat(get("/hello/", Map.of("If-None-Match", "W/\"other\"")).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> zipped =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "hello/"))
                .header("Accept-Encoding", "*")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(new String(Gzip.decompress(zipped.body()), StandardCharsets.UTF_8))
        .isEqualTo(get("/hello/").body());
  }

  private HttpResponse<String> get(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void markdownFilesAreServedWhateverTheCaseOfTheirExtension() throws Exception {
    write("Upper.MD", "# Upper case\n");
    write("long-form.markdown", "# Long form\n");
    write("notes.txt", "# Not a post\n");
    start(false);
    assertThat(get("/upper/").statusCode()).isEqualTo(200);
    assertThat(get("/long-form/").statusCode()).isEqualTo(200);
    assertThat(get("/notes/").statusCode()).isEqualTo(404);
    write("later.Markdown", "# Later\n");
    await("/later/", r -> r.statusCode() == 200);
  }

  @Test
  void collidingFilesGiveTheSlugToTheNameThatSortsFirstAcrossEditsRestartsAndDeletes()
      throws Exception {
    write("hello-world.md", "# Small\n");
    start(false);
    assertThat(get("/hello-world/").body()).contains("Small");
    write("Hello World.md", "# Capital\n");
    await("/hello-world/", r -> r.body().contains("Capital"));
    assertThat(get("/").body()).contains("posts/hello-world.md").contains("whose key sorts first");

    server.close();
    start(false);
    assertThat(get("/hello-world/").body())
        .as("the same owner after a restart")
        .contains("Capital");

    Files.delete(folder.resolve("Hello World.md"));
    await("/hello-world/", r -> r.statusCode() == 200 && r.body().contains("Small"));
  }

  @Test
  void aPagesFolderBesideThePostsFolderHoldsStandalonePages() throws Exception {
    Path posts = folder.resolve("posts");
    Path pages = folder.resolve("pages");
    Files.createDirectories(posts);
    Files.createDirectories(pages);
    Files.writeString(posts.resolve("hello.md"), "# Hello\n\nA post.");
    Files.writeString(pages.resolve("about.md"), "# About\n\nA page.");
    server = PreviewServer.start(new PreviewOptions(posts, null, 0, "127.0.0.1", false, false));
    assertThat(get("/about/").body()).contains("A page.");
    assertThat(get("/").body()).contains("/hello/").doesNotContain("/about/");

    Files.writeString(pages.resolve("now.md"), "# Now\n\nWhat I do now.");
    await("/now/", r -> r.statusCode() == 200 && r.body().contains("What I do now."));
  }

  @Test
  void addedEditedRenamedAndDeletedFilesShowInThePages() throws Exception {
    start(false);
    assertThat(get("/new-post/").statusCode()).isEqualTo(404);

    write("new-post.md", "# A new post\n\nVersion one.");
    await("/new-post/", r -> r.statusCode() == 200 && r.body().contains("Version one."));

    write("new-post.md", "# A new post\n\nVersion two.");
    await("/new-post/", r -> r.body().contains("Version two."));

    Files.move(folder.resolve("new-post.md"), folder.resolve("renamed-post.md"));
    await("/renamed-post/", r -> r.statusCode() == 200);
    await("/new-post/", r -> r.statusCode() == 410);

    Files.delete(folder.resolve("renamed-post.md"));
    await("/renamed-post/", r -> r.statusCode() == 410);
    await("/", r -> !r.body().contains("A new post"));
  }

  @Test
  void cachedPagesAreDroppedTheMomentAFileChanges() throws Exception {
    write("cached.md", "# Cached\n\nVersion one.");
    server =
        PreviewServer.start(
            new PreviewOptions(folder, null, 0, "127.0.0.1", false, false),
            java.util.Map.of("inkwell.site.render-cache-seconds", 3600));
    assertThat(get("/cached/").body()).contains("Version one.");
    assertThat(get("/cached/").body()).as("served from the cache").contains("Version one.");

    write("cached.md", "# Cached\n\nVersion two.");
    server.rescan();
    assertThat(get("/cached/").body()).contains("Version two.");
  }

  @Test
  void aBrokenFileShowsItsErrorWhileTheOtherPostsKeepWorking() throws Exception {
    write("good.md", "# Good post\n\nFine.");
    write("broken.md", "---\ntitle: Broken\ndate: Augst 5\n---\nText.");
    start(false);

    HttpResponse<String> broken = get("/broken/");
    assertThat(broken.body()).contains("posts/broken.md:3:7: date: cannot read");
    assertThat(get("/good/").statusCode()).isEqualTo(200);
    assertThat(get("/").body()).contains("posts/broken.md:3:7");

    write("broken.md", "---\ntitle: Broken no more\ndate: 2025-08-05\n---\nText.");
    await("/broken/", r -> r.statusCode() == 200 && r.body().contains("Broken no more"));
    await("/", r -> !r.body().contains("posts/broken.md:3:7"));

    write("broken.md", "---\ntitle: [unclosed\n---\nText.");
    HttpResponse<String> lastGood = await("/broken/", r -> r.body().contains("last good version"));
    assertThat(lastGood.statusCode()).isEqualTo(200);
    assertThat(lastGood.body())
        .contains("Broken no more")
        .contains("posts/broken.md:2:8: front matter is not valid YAML");
  }

  @Test
  void anUnclosedStyleBlockShowsWhereItOpensInsteadOfLosingTheRestOfThePost() throws Exception {
    write("styled.md", "# Styled\n\nIntro.\n\n<style>\np {}\n\nThe rest of the post.\n");
    start(false);
    assertThat(get("/styled/").body())
        .contains("posts/styled.md:5:1: &lt;style&gt; at 5:1 is never closed");
    assertThat(get("/").body()).contains("posts/styled.md:5:1");
  }

  @Nested
  class Drafts {

    @Test
    void draftsAndScheduledPostsAreHiddenByDefault() throws Exception {
      write("secret.md", "---\ntitle: Secret\ndraft: true\n---\nShh.");
      write("later.md", "---\ntitle: Later\ndate: 2099-01-01\n---\nSoon.");
      start(false);
      assertThat(get("/secret/").statusCode()).isEqualTo(404);
      assertThat(get("/later/").statusCode()).isEqualTo(404);
      assertThat(get("/").body()).doesNotContain("Secret").doesNotContain("Later");
    }

    @Test
    void theDraftsSwitchShowsThemClearlyMarked() throws Exception {
      write("secret.md", "---\ntitle: Secret\ndraft: true\n---\nShh.");
      write("later.md", "---\ntitle: Later\ndate: 2099-01-01\n---\nSoon.");
      start(true);
      assertThat(get("/secret/").body()).contains("Draft: not published").contains("Shh.");
      assertThat(get("/later/").body()).contains("Scheduled: appears on 2099-01-01");
      String home = get("/").body();
      assertThat(home).contains("Secret").contains("Later").contains("Draft: not published");
    }
  }

  @Test
  void aMalformedAddressGetsTheThemed400NotTheFrameworksJson() throws Exception {
    start(false);
    // Java's HTTP client will not send such an address, so write the request by hand, as curl does.
    URI base = URI.create(server.url());
    String reply;
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /%zz/ HTTP/1.1\r\nHost: "
                      + base.getAuthority()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    String head = reply.substring(0, reply.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
    assertThat(head).startsWith("http/1.1 400");
    assertThat(head).contains("content-type: text/html; charset=utf-8");
    assertThat(head).contains("content-security-policy:");
    assertThat(Jsoup.parse(reply).select("h1").text()).isEqualTo("Bad request");
  }

  @Test
  void anOverlongAddressIsA414WithADateAndNoSharedCachingAlsoPastTheServersLineLimit()
      throws Exception {
    write("hello.md", "# Hello\n");
    start(false);
    // 2,000 characters reach the site's router; 20,000 are past Netty's request-line limit, where
    // the server itself answers (it used to say 413, Request Entity Too Large).
    for (int length : new int[] {2_000, 20_000}) {
      HttpResponse<String> reply = get("/" + "a".repeat(length) + "/");
      assertThat(reply.statusCode()).as("%d characters", length).isEqualTo(414);
      assertThat(reply.headers().firstValue("Cache-Control")).hasValue("private, no-store");
      assertThat(reply.headers().firstValue("Date")).isPresent();
      assertThat(reply.headers().allValues("Date")).hasSize(1);
      assertThat(Jsoup.parse(reply.body()).select("h1").text()).isEqualTo("Address too long");
    }
    HttpResponse<String> page = get("/hello/");
    assertThat(page.headers().allValues("Date")).as("one Date, the site's").hasSize(1);
  }

  @Nested
  class BadInput {

    @Test
    void aFolderThatDoesNotExistIsAClearErrorWithExitCodeTwo() {
      assertThatThrownBy(
              () ->
                  PreviewServer.start(
                      new PreviewOptions(
                          folder.resolve("nope"), null, 0, "127.0.0.1", false, false)))
          .isInstanceOfSatisfying(
              PreviewServer.StartupException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(2);
                assertThat(e.getMessage()).contains("does not exist").contains("nope");
                assertThat(e.getStackTrace()).isEmpty();
              });
    }

    @Test
    void aPortInUseIsAClearErrorWithExitCodeThree() throws Exception {
      try (ServerSocket taken =
          new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
        assertThatThrownBy(
                () ->
                    PreviewServer.start(
                        new PreviewOptions(
                            folder, null, taken.getLocalPort(), "127.0.0.1", false, false)))
            .isInstanceOfSatisfying(
                PreviewServer.StartupException.class,
                e -> {
                  assertThat(e.exitCode()).isEqualTo(3);
                  assertThat(e.getMessage())
                      .contains("port " + taken.getLocalPort() + " is in use");
                });
      }
    }

    @Test
    void anUnreadableFileIsAClearErrorWithExitCodeFive() throws Exception {
      Files.createDirectories(folder.resolve("not-a-file.md"));
      assertThatThrownBy(
              () ->
                  PreviewServer.start(
                      new PreviewOptions(folder, null, 0, "127.0.0.1", false, false)))
          .isInstanceOfSatisfying(
              PreviewServer.StartupException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(5);
                assertThat(e.getMessage())
                    .contains("posts/not-a-file.md")
                    .contains("it is a folder");
              });
    }

    @Test
    void unknownOptionsAreUsageErrors() {
      assertThatThrownBy(() -> PreviewOptions.parse(java.util.List.of("--bogus"), folder))
          .hasMessage("unknown option --bogus");
      assertThatThrownBy(() -> PreviewOptions.parse(java.util.List.of("--port", "x"), folder))
          .hasMessageContaining("--port takes a number");
    }
  }

  @Test
  void imagesNextToThePostsFolderAreServedUnderMedia() throws Exception {
    Path posts = Files.createDirectories(folder.resolve("posts"));
    Path media = Files.createDirectories(folder.resolve("media"));
    Files.writeString(posts.resolve("pic.md"), "# Pic\n\n![A dot](/media/dot.svg)");
    Files.writeString(media.resolve("dot.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    server = PreviewServer.start(new PreviewOptions(posts, null, 0, "127.0.0.1", false, false));
    HttpResponse<String> image = get("/media/dot.svg");
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).contains("image/svg+xml");
    assertThat(get("/media/../posts/pic.md").statusCode()).isIn(400, 404);
    assertThat(get("/media/notes.txt").statusCode()).isEqualTo(404);
  }

  private byte[] bytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).as(path).contains("image/x-icon");
    return response.body();
  }

  @Test
  void withoutAnIconOfTheAuthorsTheThemesIsServedAtFaviconIco() throws Exception {
    Path posts = Files.createDirectories(folder.resolve("posts"));
    Files.writeString(posts.resolve("hello.md"), "# Hello\n\nText.");
    server = PreviewServer.start(new PreviewOptions(posts, null, 0, "127.0.0.1", false, false));
    assertThat(bytes("/favicon.ico")).isEqualTo(Theme.load().icon());
    assertThat(Jsoup.parse(get("/hello/").body()).select("link[rel=icon]").attr("href"))
        .isEqualTo("/favicon.ico");
  }

  @Test
  void theAuthorsFaviconIcoInTheMediaFolderWinsOverTheThemes() throws Exception {
    Path posts = Files.createDirectories(folder.resolve("posts"));
    Path media = Files.createDirectories(folder.resolve("media"));
    Files.writeString(posts.resolve("hello.md"), "# Hello\n\nText.");
    byte[] own = "the author's own icon".getBytes(StandardCharsets.UTF_8);
    Files.write(media.resolve("favicon.ico"), own);
    server = PreviewServer.start(new PreviewOptions(posts, null, 0, "127.0.0.1", false, false));
    assertThat(bytes("/favicon.ico")).isEqualTo(own);
  }
}
