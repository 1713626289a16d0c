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

  private final Process process;
  private final Path workDir;
  private final URI endpoint;
  private final Thread shutdownHook;

  private Dynalite(Process process, Path workDir, int port) {
    this.process = process;
    this.workDir = workDir;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
    this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
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
      Process process =
          new ProcessBuilder(command)
              .directory(projectDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Dynalite dynalite = new Dynalite(process, workDir, port);
      try {
        dynalite.awaitPort(port, command, log);
        return dynalite;
      } catch (RuntimeException | IOException e) {
        dynalite.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start dynalite: node " + cli, e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  private void awaitPort(int port, List<String> command, Path log) throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dynalite exited with code "
                + process.exitValue()
                + " before listening. Command: "
                + String.join(" ", command)
                + "\nOutput:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      if (answers(port)) {
        return;
      }
      sleep(50);
    }
    throw new IllegalStateException(
        "dynalite did not listen on 127.0.0.1:"
            + port
            + " within "
            + STARTUP_TIMEOUT.toSeconds()
            + " s. Command: "
            + String.join(" ", command)
            + "\nOutput:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dynalite", e);
    }
  }
}
