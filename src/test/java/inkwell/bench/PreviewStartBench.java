package inkwell.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long {@code ./preview} takes to serve its first page, measured from outside as a writer sees
 * it: the script started as a process, then the home page polled until it answers 200.
 *
 * <ul>
 *   <li>warm start: built, nothing changed since (the script skips Maven and starts the JVM with
 *       its class-data archive); goal at most 2 s.
 *   <li>first run of a fresh clone (a {@code git clone} of this checkout, no {@code target/}), with
 *       the Maven repository already holding the dependencies: Maven compiles, the training run
 *       records the archive, then the preview starts; goal at most 60 s.
 * </ul>
 */
final class PreviewStartBench {

  private PreviewStartBench() {}

  static void run(Workspace workspace, int runs, Report report) {
    Path project = workspace.project();
    firstStart(project); // builds if anything changed, so that what follows is a warm start
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      warm.add(firstStart(project));
    }
    double p50 = Stats.median(warm);
    report.detail("previewWarmStartMs", warm);
    report.add(
        "Author's loop",
        "./preview warm start to first 200 (p50, ms)",
        p50,
        "ms",
        "goal",
        2000,
        "<= 2000 ms",
        p50 <= 2000);
    report.add(
        "Author's loop",
        "./preview warm start, slowest of " + runs + " (ms)",
        warm.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        "ms",
        "",
        0);

    Path clone = workspace.dir("fresh-clone").resolve("inkwell");
    Processes.run(null, List.of("git", "clone", "-q", project.toString(), clone.toString()));
    double fresh = firstStart(clone);
    report.detail("previewFreshCloneStartMs", fresh);
    report.add(
        "Author's loop",
        "./preview first run of a fresh clone to first 200 (ms)",
        fresh,
        "ms",
        "goal",
        60000,
        "<= 60000 ms",
        fresh <= 60000);
  }

  /** Starts {@code project}'s ./preview, waits for the home page's 200; the wall time in ms. */
  static double firstStart(Path project) {
    int port = ServeBench.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(project.resolve("preview").toString(), "--port", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + project.resolve("preview"), e);
    }
    try {
      URI home = URI.create("http://127.0.0.1:" + port + "/");
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("./preview exited with " + process.exitValue());
        }
        if (status(home) == 200) {
          return Stats.millis(System.nanoTime() - started);
        }
        if (Stats.millis(System.nanoTime() - started) > 300_000) {
          throw new IllegalStateException("./preview served nothing within 5 minutes");
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
  }

  private static int status(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(200);
      connection.setReadTimeout(5000);
      int code = connection.getResponseCode();
      connection.disconnect();
      return code;
    } catch (IOException e) {
      return -1; // not listening yet
    }
  }
}
