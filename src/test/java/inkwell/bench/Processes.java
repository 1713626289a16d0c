package inkwell.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running external commands (hugo, wrk, a child JVM) to completion, with their output. */
final class Processes {

  private Processes() {}

  /** A finished command: its output (stdout and stderr together) and wall time. */
  record Result(int exitCode, String output, double wallMs) {}

  static Result run(Path directory, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    long started = System.nanoTime();
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      double wall = Stats.millis(System.nanoTime() - started);
      Result result =
          new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8), wall);
      if (result.exitCode() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first line of {@code command}'s output, or "" if it cannot run. */
  static String version(String... command) {
    try {
      String out = run(null, List.of(command)).output().strip();
      return out.isEmpty() ? "" : out.lines().findFirst().orElse("");
    } catch (RuntimeException e) {
      return "";
    }
  }
}
