package inkwell.preview;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A training run for the preview's class-data archive: starts the preview over the sample posts on
 * a free port, serves the pages a writer opens first, and stops. {@code ./preview} runs it after
 * each build with {@code -XX:ArchiveClassesAtExit}, so that the JVM records the classes a start and
 * a first page load need, and later starts map them instead of loading and verifying them again
 * (bench/run: "preview warm start").
 *
 * <pre>java -XX:ArchiveClassesAtExit=target/preview.jsa -cp ... inkwell.preview.PreviewTraining
 * </pre>
 */
public final class PreviewTraining {

  /** What a writer opens first: the home page, a post, the tags, a feed and the stylesheet. */
  static final List<String> PATHS =
      List.of("/", "/welcome-to-inkwell/", "/tags/", "/feed.xml", "/archive/");

  private PreviewTraining() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of(System.getProperty("inkwell.project.dir", "."));
    List<Integer> statuses = run(project.resolve("examples/posts"));
    System.out.println("preview training: " + PATHS + " answered " + statuses);
    System.exit(0);
  }

  /** Starts the preview over {@code folder}, requests {@link #PATHS}, stops; their statuses. */
  static List<Integer> run(Path folder) throws Exception {
    PreviewOptions options = new PreviewOptions(folder, null, 0, "127.0.0.1", false, false);
    List<Integer> statuses = new ArrayList<>();
    try (PreviewServer server = PreviewServer.start(options)) {
      HttpClient client = HttpClient.newHttpClient();
      for (String path : PATHS) {
        // url() ends with a slash, each path starts with one: "//" would be another address.
        statuses.add(get(client, URI.create(server.url()).resolve(path)));
      }
    }
    return statuses;
  }

  private static int get(HttpClient client, URI uri) throws IOException, InterruptedException {
    return client
        .send(
            HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
