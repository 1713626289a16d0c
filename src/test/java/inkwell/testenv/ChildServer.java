package inkwell.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An emulator run as a child process listening on 127.0.0.1 (dynalite, moto): started with its
 * output in a log file, waited for until its port answers, and stopped on {@link #close()} or by a
 * JVM shutdown hook. A start that fails says why, with the command and what the process printed.
 */
final class ChildServer implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Thread shutdownHook;

  private ChildServer(String name, Process process) {
    this.name = name;
    this.process = process;
    this.shutdownHook = new Thread(process::destroyForcibly, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Runs {@code command} in {@code directory} (null: this JVM's), its output to {@code log}, and
   * waits up to {@code timeout} for {@code port} to answer.
   */
  static ChildServer start(
      String name, List<String> command, Path directory, Path log, int port, Duration timeout) {
    ChildServer server;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      server = new ChildServer(name, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start " + name + ": " + String.join(" ", command), e);
    }
    try {
      server.awaitPort(port, command, log, timeout);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void awaitPort(int port, List<String> command, Path log, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " before listening. Command: "
                + String.join(" ", command)
                + "\nOutput:\n"
                + output(log));
      }
      if (answers(port)) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
    throw new IllegalStateException(
        name
            + " did not listen on 127.0.0.1:"
            + port
            + " within "
            + timeout.toSeconds()
            + " s. Command: "
            + String.join(" ", command)
            + "\nOutput:\n"
            + output(log));
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String output(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(the log " + log + " could not be read: " + e.getMessage() + ")";
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
  }
}
