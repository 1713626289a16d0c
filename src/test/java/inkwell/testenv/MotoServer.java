package inkwell.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final Thread shutdownHook;

  private MotoServer(Process process, int port, Path log) {
    this.process = process;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
    this.log = log;
    this.shutdownHook = new Thread(process::destroyForcibly, "moto-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
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
    try {
      Path log = Files.createTempFile("inkwell-moto-", ".log");
      List<String> command =
          List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      MotoServer server = new MotoServer(process, port, log);
      try {
        server.awaitPort(port, command);
        return server;
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start moto: python3 -m moto.server", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  private void awaitPort(int port, List<String> command) throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "moto exited with code "
                + process.exitValue()
                + " before listening. Command: "
                + String.join(" ", command)
                + "\nOutput:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for moto", interrupted);
        }
      }
    }
    throw new IllegalStateException(
        "moto did not listen on 127.0.0.1:"
            + port
            + " within "
            + STARTUP_TIMEOUT.toSeconds()
            + " s. Output:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook runs anyway and is harmless.
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A temporary file; the operating system cleans it up.
    }
  }
}
