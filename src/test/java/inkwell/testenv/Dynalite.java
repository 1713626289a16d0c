package inkwell.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * dynalite (npm) serving the DynamoDB API from memory, as a Node child process on a free port of
 * 127.0.0.1. It is stopped on {@link #close()}, by a JVM shutdown hook, and, should the JVM be
 * killed outright, by itself when its standard input (a pipe from this JVM) reaches end of file.
 */
final class Dynalite implements AutoCloseable {

  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

  /** Preloaded into the Node process: exit when the parent JVM goes away. */
  private static final String EXIT_WITH_PARENT =
      """
      process.stdin.on('end', () => process.exit(0));
      process.stdin.on('error', () => process.exit(0));
      process.stdin.resume();
      """;

  private final ChildServer server;
  private final Path workDir;
  private final URI endpoint;

  private Dynalite(ChildServer server, Path workDir, int port) {
    this.server = server;
    this.workDir = workDir;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  static Dynalite start(Path projectDir) {
    Path cli = projectDir.resolve("node_modules/dynalite/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(
          "dynalite is not installed at "
              + cli
              + ": run `npm ci` in "
              + projectDir
              + " (the Maven build does it in generate-test-resources)");
    }
    int port = AwsClients.freePort();
    try {
      Path workDir = Files.createTempDirectory("inkwell-dynalite-");
      Path preload = Files.writeString(workDir.resolve("exit-with-parent.cjs"), EXIT_WITH_PARENT);
      Path log = workDir.resolve("dynalite.log");
      List<String> command =
          List.of(
              "node",
              "--require",
              preload.toString(),
              cli.toString(),
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--createTableMs",
              "0",
              "--deleteTableMs",
              "0",
              "--updateTableMs",
              "0");
      return new Dynalite(
          ChildServer.start("dynalite", command, projectDir, log, port, STARTUP_TIMEOUT),
          workDir,
          port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare dynalite's folder for " + cli, e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.close();
    deleteWorkDir();
  }

  private void deleteWorkDir() {
    try (var files = Files.list(workDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(workDir);
    } catch (IOException e) {
      // A leftover temp directory is not worth failing the test run for.
    }
  }
}
