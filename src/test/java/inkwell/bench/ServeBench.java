package inkwell.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serving locally: one post page from the local preview (started over the corpus exactly as {@code
 * ./preview} starts it) under {@code wrk}, against nginx serving a static copy of the same HTML
 * from a generated config, on loopback, with the same wrk settings. Each server gets a warm-up run
 * first; both are stopped afterwards.
 */
final class ServeBench {

  static final List<String> WRK = List.of("-t2", "-c32", "-d10s");

  /** Long enough for C2 to compile the request path: a 5 s warm-up left the preview at a third. */
  static final List<String> WARMUP = List.of("-t2", "-c32", "-d15s");

  /** One wrk run. */
  record Load(double requestsPerSecond, double p50Ms, double p99Ms, long requests, String raw) {}

  private ServeBench() {}

  static void run(Workspace workspace, Path corpus, String slug, Report report) {
    Path dir = workspace.dir("serve");
    String path = "/" + slug + "/";
    Load c1 = null;
    Load c2 = null;
    Load nginxLoad = null;
    byte[] page = null;
    Nginx nginx = null;
    try {
      for (boolean c1Only : new boolean[] {true, false}) {
        Process preview = startPreview(workspace, corpus, dir, c1Only);
        try {
          String previewUrl = previewUrl(preview) + path;
          page = fetch(previewUrl);
          wrk(WARMUP, previewUrl);
          Load load = wrk(WRK, previewUrl);
          if (c1Only) {
            c1 = load;
          } else {
            c2 = load;
          }
        } finally {
          stop(preview);
        }
      }
      nginx = startNginx(dir, path, page);
      String nginxUrl = "http://127.0.0.1:" + nginx.port() + path;
      if (!java.util.Arrays.equals(fetch(nginxUrl), page)) {
        throw new IllegalStateException("nginx does not serve the same bytes as the preview");
      }
      wrk(WARMUP, nginxUrl);
      nginxLoad = wrk(WRK, nginxUrl);
      String settings = "wrk " + String.join(" ", WRK);
      double half = nginxLoad.requestsPerSecond() / 2;
      report.add(
          "Serve",
          "preview with the JVM's default JIT (C2 too), a post page, " + settings,
          c2.requestsPerSecond(),
          "req/s",
          "nginx, static copy",
          nginxLoad.requestsPerSecond(),
          "at least half of nginx",
          c2.requestsPerSecond() >= half);
      report.add(
          "Serve",
          "preview with the default JIT, p99",
          c2.p99Ms(),
          "ms",
          "nginx p99",
          nginxLoad.p99Ms());
      report.add(
          "Serve",
          "./preview as it runs (C1 only, one compiler thread), a post page, " + settings,
          c1.requestsPerSecond(),
          "req/s",
          "nginx, static copy",
          nginxLoad.requestsPerSecond(),
          "at least half of nginx",
          c1.requestsPerSecond() >= half);
      report.add(
          "Serve", "./preview as it runs, p99", c1.p99Ms(), "ms", "nginx p99", nginxLoad.p99Ms());
      report.detail("serve.pageBytes", page.length);
      report.detail("serve.previewC1Only", c1);
      report.detail("serve.previewDefaultJit", c2);
      report.detail("serve.nginx", nginxLoad);
      report.detail("serve.nginxVersion", Processes.version("nginx", "-v"));
      report.detail("serve.wrkVersion", Processes.version("wrk", "-v"));
    } finally {
      if (nginx != null) {
        stop(nginx.process());
      }
    }
  }

  /** nginx as started here, and its port. */
  private record Nginx(Process process, int port) {}

  /**
   * The preview as {@code ./preview FOLDER --port N} runs it ({@code c1Only}: with the {@code
   * -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1} that {@code ./preview} passes), or with the
   * JVM's default JIT.
   */
  private static Process startPreview(Workspace workspace, Path corpus, Path dir, boolean c1Only) {
    List<String> command = new ArrayList<>();
    command.add(Workspace.java());
    if (c1Only) {
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:CICompilerCount=1");
    }
    command.addAll(
        List.of(
            "-Dinkwell.project.dir=" + workspace.project(),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            Workspace.join(workspace.testClasspath()),
            "inkwell.preview.Preview",
            corpus.toString(),
            "--port",
            Integer.toString(freePort())));
    try {
      return new ProcessBuilder(command).redirectError(dir.resolve("preview.err").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String previewUrl(Process preview) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(preview.getInputStream(), StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = out.readLine()) != null) {
        int at = line.indexOf("open http");
        if (at >= 0) {
          String url = line.substring(at + "open ".length()).split("\\s+")[0];
          Thread drain = new Thread(() -> drain(out), "preview-stdout");
          drain.setDaemon(true);
          drain.start();
          return url;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("the preview stopped before printing its URL");
  }

  private static void drain(BufferedReader reader) {
    try {
      while (reader.readLine() != null) {
        // discard
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private static Nginx startNginx(Path dir, String path, byte[] page) {
    try {
      Path root = dir.resolve("nginx/root");
      Path target = root.resolve(path.substring(1)).resolve("index.html");
      Files.createDirectories(target.getParent());
      Files.write(target, page);
      Path prefix = dir.resolve("nginx");
      Files.createDirectories(prefix.resolve("tmp"));
      int nginxPort = freePort();
      String config =
          """
          worker_processes %d;
          daemon off;
          pid %s/nginx.pid;
          error_log %s/error.log warn;
          events { worker_connections 1024; }
          http {
            access_log off;
            client_body_temp_path %s/tmp/body;
            proxy_temp_path %s/tmp/proxy;
            fastcgi_temp_path %s/tmp/fastcgi;
            uwsgi_temp_path %s/tmp/uwsgi;
            scgi_temp_path %s/tmp/scgi;
            default_type "text/html; charset=utf-8";
            sendfile on;
            keepalive_requests 1000000;
            server {
              listen 127.0.0.1:%d;
              root %s;
              index index.html;
            }
          }
          """
              .formatted(
                  Runtime.getRuntime().availableProcessors(),
                  prefix,
                  prefix,
                  prefix,
                  prefix,
                  prefix,
                  prefix,
                  prefix,
                  nginxPort,
                  root);
      Path conf = prefix.resolve("nginx.conf");
      Files.writeString(conf, config);
      Process nginx =
          new ProcessBuilder(
                  "nginx",
                  "-p",
                  prefix.toString(),
                  "-e",
                  prefix + "/error.log",
                  "-c",
                  conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(prefix.resolve("nginx.out").toFile())
              .start();
      for (int i = 0; i < 100; i++) {
        try {
          fetch("http://127.0.0.1:" + nginxPort + path);
          return new Nginx(nginx, nginxPort);
        } catch (RuntimeException e) {
          if (!nginx.isAlive()) {
            throw new IllegalStateException(
                "nginx exited: " + Files.readString(prefix.resolve("nginx.out")));
          }
          Thread.sleep(100);
        }
      }
      nginx.destroy();
      throw new IllegalStateException("nginx did not answer on port " + nginxPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] fetch(String url) {
    HttpClient client = HttpClient.newHttpClient();
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<byte[]> response =
            client.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
          return response.body();
        }
        // 503 is the preview's loading page: it answers so until the folder is loaded (a cold
        // start of the corpus takes half a minute on a busy machine), then 200.
        int patience = response.statusCode() == 503 ? 6_000 : 100;
        if (attempt > patience) {
          throw new IllegalStateException(url + " answered " + response.statusCode());
        }
      } catch (IOException e) {
        if (attempt > 2) {
          throw new UncheckedIOException(url, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

  static Load wrk(List<String> settings, String url) {
    List<String> command = new ArrayList<>();
    command.add("wrk");
    command.addAll(settings);
    command.add("--latency");
    command.add(url);
    String out = Processes.run(null, command).output();
    if (out.contains("Non-2xx")) {
      throw new IllegalStateException(url + " gave errors under load:\n" + out);
    }
    Matcher rps = RPS.matcher(out);
    Matcher total = TOTAL.matcher(out);
    if (!rps.find() || !total.find()) {
      throw new IllegalStateException("cannot read wrk's output:\n" + out);
    }
    return new Load(
        Double.parseDouble(rps.group(1)),
        latency(out, "50%"),
        latency(out, "99%"),
        Long.parseLong(total.group(1)),
        out.strip());
  }

  /** A percentile from wrk's "Latency Distribution", in milliseconds. */
  private static double latency(String out, String percentile) {
    Matcher m =
        Pattern.compile(
                "^\\s*" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)\\s*$",
                Pattern.MULTILINE)
            .matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
