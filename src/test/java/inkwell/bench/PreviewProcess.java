package inkwell.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./preview} as a process, driven from outside as a writer's browser would: started, polled
 * until the home page answers 200 (the preview answers 503 "Loading N of M posts" until the folder
 * is loaded), its archive walked, its live-reload stream listened to, its resident memory read from
 * {@code /proc}, stopped.
 */
final class PreviewProcess implements AutoCloseable {

  private static final Pattern NEXT = Pattern.compile("<a href=\"(/archive/[^\"]*)\" rel=\"next\"");
  private static final Pattern ENTRY = Pattern.compile("<article class=\"entry\">");

  private final Process process;
  private final String base;
  private final double startedToCompleteMs;
  private final double cpuToCompleteMs;

  private PreviewProcess(
      Process process, String base, double startedToCompleteMs, double cpuToCompleteMs) {
    this.process = process;
    this.base = base;
    this.startedToCompleteMs = startedToCompleteMs;
    this.cpuToCompleteMs = cpuToCompleteMs;
  }

  /**
   * Starts {@code project}'s ./preview over {@code folder} (null: its sample posts) and returns
   * once the home page answers 200.
   */
  static PreviewProcess start(Path project, Path folder) {
    int port = ServeBench.freePort();
    List<String> command = new ArrayList<>(List.of(project.resolve("preview").toString()));
    if (folder != null) {
      command.add(folder.toString());
    }
    command.addAll(List.of("--port", String.valueOf(port)));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
    String base = "http://127.0.0.1:" + port;
    try {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("./preview exited with " + process.exitValue());
        }
        if (status(URI.create(base + "/")) == 200) {
          double wall = Stats.millis(System.nanoTime() - started);
          return new PreviewProcess(process, base, wall, cpuMs(process.pid()));
        }
        if (Stats.millis(System.nanoTime() - started) > 600_000) {
          throw new IllegalStateException("./preview served nothing within 10 minutes");
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      throw e;
    }
  }

  /** From process start to the home page's first 200, in ms. */
  double startedToCompleteMs() {
    return startedToCompleteMs;
  }

  /**
   * The CPU time (user and system, all threads) the process had used when the home page first
   * answered 200, in ms: what the start cost whatever else the machine was running.
   */
  double cpuToCompleteMs() {
    return cpuToCompleteMs;
  }

  /** User plus system time of a process so far, from {@code /proc/PID/stat} (100 ticks a s). */
  static double cpuMs(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid + "", "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** How many posts the archive lists, over all its pages. */
  int archivedPosts() {
    int posts = 0;
    String path = "/archive/";
    while (path != null) {
      String page = body(path);
      Matcher entries = ENTRY.matcher(page);
      while (entries.find()) {
        posts++;
      }
      Matcher next = NEXT.matcher(page);
      path = next.find() ? next.group(1).replace("&amp;", "&") : null;
    }
    return posts;
  }

  /** The process's resident memory (VmRSS), in MiB. */
  double residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Double.NaN;
  }

  /**
   * Saves {@code markdown} to {@code file} as an editor would, and times until an open page would
   * show it: the live-reload stream's {@code change} event, then the page at {@code path} fetched
   * until it contains {@code expected}. In ms.
   */
  double editVisibleMs(Path file, String markdown, String path, String expected) {
    CountDownLatch listening = new CountDownLatch(1);
    CountDownLatch changed = new CountDownLatch(1);
    Thread reader =
        new Thread(() -> listen(listening, changed), "bench-live-reload-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      if (!listening.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the live-reload stream did not open");
      }
      long saved = System.nanoTime();
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
      if (!changed.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no change event within a minute of the save");
      }
      while (!body(path).contains(expected)) {
        if (Stats.millis(System.nanoTime() - saved) > 60_000) {
          throw new IllegalStateException(path + " never showed " + expected);
        }
        Thread.sleep(5);
      }
      return Stats.millis(System.nanoTime() - saved);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      reader.interrupt();
    }
  }

  private void listen(CountDownLatch listening, CountDownLatch changed) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(base + "/_inkwell/reload").toURL().openConnection();
      connection.setReadTimeout(120_000);
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith(":")) {
            listening.countDown(); // the stream's first comment: it is open
          } else if (line.equals("event: change") || line.equals("event:change")) {
            changed.countDown();
            return;
          }
        }
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      // the test thread times out and says so
    }
  }

  private String body(String path) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      connection.setReadTimeout(60_000);
      try (var in = connection.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path, e);
    }
  }

  static int status(URI uri) {
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

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
