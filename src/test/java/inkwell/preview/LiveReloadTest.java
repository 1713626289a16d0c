package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's live reload over HTTP: every page carries exactly one script, allowed by its hash
 * and nothing else, and the event stream says {@code change} when a file is saved. (The browser
 * side runs in {@code LiveReloadBrowserTest}; that the site function's pages carry no script is in
 * {@code SiteHandlerTest}.)
 */
class LiveReloadTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path folder;
  private PreviewServer server;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(folder.resolve("hello.md"), "---\ntitle: Hello\ndate: 2025-01-01\n---\nHi.");
    server = PreviewServer.start(new PreviewOptions(folder, null, 0, "127.0.0.1", false, false));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPageCarriesOneScriptThatThePolicyAllowsByItsHashAlone() throws Exception {
    for (String path : new String[] {"/", "/hello/", "/tags/", "/no-such-page/"}) {
      HttpResponse<String> page = get(path);
      Document html = Jsoup.parse(page.body());
      assertThat(html.select("script")).as(path).hasSize(1);
      Element script = html.selectFirst("script");
      assertThat(script.parent()).as(path).isEqualTo(html.body());
      assertThat(script.attributes().size()).as("an inline script, no src").isZero();
      String hash =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(script.data().getBytes(StandardCharsets.UTF_8)));
      String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(policy.split("; "))
          .as(path)
          .contains("default-src 'none'", "script-src 'sha256-" + hash + "'", "connect-src 'self'");
      assertThat(policy).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(script.data()).contains("new EventSource('" + LiveReload.PATH + "')");
    }
  }

  @Test
  void noReloadServesThePagesAsTheSiteFunctionDoes() throws Exception {
    PreviewOptions options =
        PreviewOptions.parse(
            java.util.List.of(folder.toString(), "--port", "0", "--no-reload"), folder);
    assertThat(options.liveReload()).isFalse();
    try (PreviewServer plain = PreviewServer.start(options)) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(plain.url() + "hello/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(Jsoup.parse(page.body()).select("script")).isEmpty();
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .doesNotContain("script-src");
      HttpResponse<String> stream =
          http.send(
              HttpRequest.newBuilder(URI.create(plain.url() + LiveReload.PATH.substring(1)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(stream.statusCode()).isNotEqualTo(200);
    }
  }

  @Test
  void theEventStreamSaysChangeSoonAfterAFileIsSaved() throws Exception {
    HttpResponse<InputStream> stream =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + LiveReload.PATH.substring(1)))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("closed: " + e.getMessage());
              }
            });
    reader.setDaemon(true);
    reader.start();
    assertThat(lines.poll(5, TimeUnit.SECONDS)).as("the stream opens at once").startsWith(":");

    Files.writeString(
        folder.resolve("hello.md"), "---\ntitle: Hello again\ndate: 2025-01-01\n---\nHi.");
    long started = System.nanoTime();
    String event = null;
    while (event == null && System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith("event:")) {
        event = line;
      }
    }
    assertThat(event).isEqualTo("event: change");
    assertThat(Jsoup.parse(get("/hello/").body()).select("h1").text()).isEqualTo("Hello again");
  }
}
