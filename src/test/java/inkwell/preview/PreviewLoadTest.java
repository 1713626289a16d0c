package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the preview loads a folder: never a partial site, rendered posts kept on disk between starts,
 * the search index complete before it answers.
 */
class PreviewLoadTest {

  private static final int POSTS = 30;

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path folder;
  @TempDir Path cache;
  private PreviewServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void write(String name, String markdown) throws IOException {
    Files.writeString(folder.resolve(name), markdown, StandardCharsets.UTF_8);
  }

  private void writePosts() throws IOException {
    for (int i = 1; i <= POSTS; i++) {
      write(
          String.format("post-%02d.md", i),
          String.format(
              "---\ntitle: Post %02d\ndate: 2025-01-%02d\ntags: [load]\n---\nWords of post %d,"
                  + " marker%d.\n\n```java\nint x = %d;\n```\n",
              i, i, i, i, i));
    }
  }

  private PreviewServer start(java.util.function.Consumer<String> listening) throws Exception {
    server =
        PreviewServer.start(
            new PreviewOptions(folder, null, 0, "127.0.0.1", false, false),
            Map.of(PreviewBeans.CACHE, cache.toString()),
            listening);
    return server;
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Nested
  class NeverPartial {

    @Test
    void beforeTheFolderIsLoadedEveryPageIsTheLoadingPageWithA503() throws Exception {
      writePosts();
      List<HttpResponse<String>> early = new ArrayList<>();
      start(
          url -> {
            try {
              early.add(get(url));
              early.add(get(url + "archive/"));
              early.add(get(url + "post-01/"));
            } catch (IOException | InterruptedException e) {
              throw new IllegalStateException(e);
            }
          });

      assertThat(early).extracting(HttpResponse::statusCode).containsExactly(503, 503, 503);
      HttpResponse<String> first = early.get(0);
      // The files are read while the server starts: counted, or not yet.
      assertThat(Jsoup.parse(first.body()).select("p").first().text())
          .matches("Loading (posts|\\d+ of " + POSTS + " posts)…");
      assertThat(first.body()).contains("<meta http-equiv=\"refresh\" content=\"1\">");
      assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(early.get(2).body()).doesNotContain("Words of post 1");
    }

    @Test
    void onceStartReturnsTheHomePageAndTheArchiveListEveryPost() throws Exception {
      writePosts();
      start(url -> {});

      HttpResponse<String> home = get(server.url());
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(Jsoup.parse(home.body()).select("main article h2 a").first().text())
          .isEqualTo("Post 30");
      HttpResponse<String> archive = get(server.url() + "archive/");
      assertThat(Jsoup.parse(archive.body()).select("main article h2 a").eachText())
          .hasSize(POSTS)
          .startsWith("Post 30", "Post 29")
          .endsWith("Post 01");
      assertThat(server.loaded().posts()).isEqualTo(POSTS);
    }
  }

  @Nested
  class RenderCache {

    @Test
    void aColdStartRendersEveryPostAndAWarmStartReadsThemAllBack() throws Exception {
      writePosts();
      start(url -> {});
      assertThat(server.loaded())
          .extracting(LoadProgress.Loaded::fromCache, LoadProgress.Loaded::rendered)
          .containsExactly(0, POSTS);
      String before = main(get(server.url() + "post-07/").body());
      server.close();

      start(url -> {});
      assertThat(server.loaded())
          .extracting(
              LoadProgress.Loaded::posts,
              LoadProgress.Loaded::fromCache,
              LoadProgress.Loaded::rendered)
          .containsExactly(POSTS, POSTS, 0);
      // The page's own address differs (another port); what it shows of the post does not.
      assertThat(main(get(server.url() + "post-07/").body()))
          .isEqualTo(before)
          .contains("marker7.");
    }

    private String main(String page) {
      return Jsoup.parse(page).select("main").outerHtml();
    }

    @Test
    void aFileChangedWhileThePreviewWasStoppedIsRenderedAgain() throws Exception {
      writePosts();
      start(url -> {});
      server.close();
      write("post-07.md", "---\ntitle: Post 07 edited\ndate: 2025-01-07\n---\nNew words.\n");

      start(url -> {});
      assertThat(server.loaded())
          .extracting(LoadProgress.Loaded::fromCache, LoadProgress.Loaded::rendered)
          .containsExactly(POSTS - 1, 1);
      assertThat(get(server.url() + "post-07/").body())
          .contains("Post 07 edited")
          .contains("New words.");
    }

    @Test
    void entriesNoFileAsksForAnyMoreArePrunedAfterTheLoad() throws Exception {
      writePosts();
      start(url -> {});
      server.close();
      Path entries;
      try (var dirs = Files.list(cache)) {
        entries = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      assertThat(countFiles(entries)).isEqualTo(POSTS);
      Files.delete(folder.resolve("post-01.md"));
      write("post-02.md", "# Changed\n");

      start(url -> {});
      // Pruning runs in the background after the load: wait for it by its own result.
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (countFiles(entries) != POSTS - 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(countFiles(entries)).isEqualTo(POSTS - 1);
    }

    private long countFiles(Path dir) throws IOException {
      try (var files = Files.list(dir)) {
        return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
      }
    }
  }

  @Test
  void aSearchRightAfterTheLoadFindsTheLastPostLoaded() throws Exception {
    writePosts();
    start(url -> {});
    HttpResponse<String> found = get(server.url() + "api/search?q=marker30");
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains("\"slug\":\"post-30\"")
        .doesNotContain("\"slug\":\"post-29\"");
  }
}
