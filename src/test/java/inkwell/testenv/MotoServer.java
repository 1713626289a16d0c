package inkwell.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * moto's server mode ({@code python3 -m moto.server}), a Python emulator of AWS APIs over their
 * real wire protocols, as a child process on a free port of 127.0.0.1. Used for the one service no
 * JVM or npm emulator covers here: CloudFront (CreateDistribution, CreateInvalidation,
 * ListInvalidations, GetInvalidation). moto comes from PyPI, which this project's CI cannot reach,
 * so {@link #installed()} says whether a test can use it (docs/TESTING.md).
 *
 * <p>What moto does not model: a repeated {@code CallerReference} creates a second invalidation
 * (CloudFront returns the first), and it never answers {@code TooManyInvalidationsInProgress}.
 */
public final class MotoServer implements AutoCloseable {

  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  private final ChildServer server;
  private final URI endpoint;
  private final Path log;

  private MotoServer(ChildServer server, int port, Path log) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
    this.log = log;
  }

  /** True if {@code python3 -c "import moto"} succeeds on this machine. */
  public static boolean installed() {
    try {
      Process probe =
          new ProcessBuilder("python3", "-c", "import moto.server")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts a server; call only when {@link #installed()}. */
  public static MotoServer start() {
    int port = AwsClients.freePort();
    Path log;
    try {
      log = Files.createTempFile("inkwell-moto-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create moto's log file", e);
    }
    List<String> command =
        List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port));
    return new MotoServer(
        ChildServer.start("moto", command, null, log, port, STARTUP_TIMEOUT), port, log);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.close();
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A temporary file; the operating system cleans it up.
    }
  }
}
