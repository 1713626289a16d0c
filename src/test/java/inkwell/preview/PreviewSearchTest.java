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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview searches its folder with the search function's code, and follows edits. */
class PreviewSearchTest {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path folder;
  private PreviewServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private String await(String path, String expected) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    String body = get(path);
    while (!body.contains(expected) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      body = get(path);
    }
    assertThat(body).as(path).contains(expected);
    return body;
  }

  @Test
  void thePreviewFindsPostsInItsFolderAndFollowsEdits() throws Exception {
    Files.writeString(
        folder.resolve("kayak.md"),
        "---\ntitle: Paddling\n---\nWe went kayaking on the lake.\n",
        StandardCharsets.UTF_8);
    server = PreviewServer.start(new PreviewOptions(folder, null, 0, "127.0.0.1", false, false));
    assertThat(get("/search?q=kayak")).contains("Paddling").contains("<mark>kayaking</mark>");
    assertThat(get("/api/search?q=kayak")).contains("\"slug\":\"kayak\"");
    Files.writeString(
        folder.resolve("kayak.md"),
        "---\ntitle: Paddling\n---\nWe went canoeing instead.\n",
        StandardCharsets.UTF_8);
    await("/search?q=canoe", "<mark>canoeing</mark>");
    assertThat(get("/search?q=kayak")).contains("No posts match");
  }

  @Test
  void everyPageHasTheSearchBoxAndTheEmptyFormExplainsIt() throws Exception {
    server = PreviewServer.start(new PreviewOptions(folder, null, 0, "127.0.0.1", false, false));
    assertThat(get("/")).contains("<form class=\"site-search\" role=\"search\" action=\"/search\"");
    assertThat(get("/search")).contains("<h1>Search</h1>");
  }
}
