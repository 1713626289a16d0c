package inkwell.bench;

import inkwell.testenv.ApiGatewayEvents;
import inkwell.testenv.BucketEventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Cold starts: each run is a fresh JVM with the flags of Lambda's java21 runtime, on the Lambda
 * artifact's class path (the project jar and its runtime dependencies) plus the runtime's event
 * serializers and {@link inkwell.bench.lambda.LambdaMain}, timed from process start to the first
 * response. The emulators are already running; the function reads its settings from the same
 * environment variables Lambda sets. Variants run interleaved, several times each; medians count.
 */
final class ColdStartBench {

  static final String SITE = "inkwell.site.SiteHandler";
  static final String PUBLISH = "inkwell.publish.PublishHandler";
  static final String TRIVIAL = "inkwell.bench.lambda.TrivialHandler";
  static final String API_EVENT =
      "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";
  static final String S3_EVENT = "com.amazonaws.services.lambda.runtime.events.S3Event";
  static final String NO_EVENT = "-";
  static final String SDK_ONLY = "inkwell.bench.lambda.SdkOnlyHandler";

  /**
   * The JVM options of the managed java21 runtime at 1024 MB (see docs/BENCHMARKS.md for the
   * source): C1 only, serial GC, class data sharing, a heap of 85% of the function's memory.
   */
  static final List<String> LAMBDA_FLAGS =
      List.of(
          "-XX:+TieredCompilation",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xshare:auto",
          "-XX:MaxHeapSize=891289k",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "-Djava.net.preferIPv4Stack=true");

  /** One timed start. */
  record Run(double totalMs, double jvmMs, double initMs, double invokeMs, String status) {}

  /** How one configuration is started. */
  record Variant(
      String name,
      String handler,
      String eventClass,
      Supplier<Path> event,
      List<String> flags,
      Map<String, String> env) {

    Variant(
        String name, String handler, String eventClass, Supplier<Path> event, List<String> flags) {
      this(name, handler, eventClass, event, flags, Map.of());
    }
  }

  /** Medians per variant. */
  record Figures(Map<String, Run> medians, Map<String, List<Double>> samples) {}

  private final Workspace workspace;
  private final Blog blog;
  private final Path dir;
  private final List<Path> classpath;
  private int publishRuns;

  ColdStartBench(Workspace workspace, Blog blog) {
    this.workspace = workspace;
    this.blog = blog;
    this.dir = workspace.dir("cold");
    this.classpath = new ArrayList<>(workspace.runtimeJars());
    classpath.add(workspace.testJar("aws-lambda-java-serialization"));
    classpath.add(harnessJar());
  }

  Figures run(String postSlug, int repetitions, Report report) {
    Path siteEvent =
        write(
            "site-event.json",
            ApiGatewayEvents.request("GET", "/" + postSlug + "/", PageBench.BROWSER));
    Path s3Event =
        write(
            "trivial-s3-event.json", BucketEventJson.put(blog.bucket(), "posts/x.md", "01", null));
    Supplier<Path> site = () -> siteEvent;
    Supplier<Path> publish = this::nextPublishEvent;

    Path siteArchive = dir.resolve("site.jsa");
    Path publishArchive = dir.resolve("publish.jsa");
    train(SITE, API_EVENT, site.get(), siteArchive);
    train(PUBLISH, S3_EVENT, publish.get(), publishArchive);
    Path trivialArchive = dir.resolve("trivial.jsa");
    train(TRIVIAL, API_EVENT, site.get(), trivialArchive);
    List<String> trivialCds = with(LAMBDA_FLAGS, "-XX:SharedArchiveFile=" + trivialArchive);
    List<String> siteCds = with(LAMBDA_FLAGS, "-XX:SharedArchiveFile=" + siteArchive);
    List<String> publishCds = with(LAMBDA_FLAGS, "-XX:SharedArchiveFile=" + publishArchive);

    List<Variant> variants =
        List.of(
            new Variant("trivial, no event parsing", TRIVIAL, NO_EVENT, site, LAMBDA_FLAGS),
            new Variant("trivial (API event)", TRIVIAL, API_EVENT, site, LAMBDA_FLAGS),
            new Variant("trivial (API event) + AppCDS", TRIVIAL, API_EVENT, site, trivialCds),
            new Variant("trivial (S3 event)", TRIVIAL, S3_EVENT, () -> s3Event, LAMBDA_FLAGS),
            new Variant(
                "SDK only: DynamoDB client + GetItem",
                SDK_ONLY,
                API_EVENT,
                site,
                LAMBDA_FLAGS,
                Map.of("INKWELL_BENCH_SLUG", postSlug)),
            new Variant(
                "SDK only: + S3 client built",
                SDK_ONLY,
                API_EVENT,
                site,
                LAMBDA_FLAGS,
                Map.of("INKWELL_BENCH_SLUG", postSlug, "INKWELL_BENCH_S3", "true")),
            new Variant("site", SITE, API_EVENT, site, LAMBDA_FLAGS),
            new Variant("site + AppCDS", SITE, API_EVENT, site, siteCds),
            new Variant("publish", PUBLISH, S3_EVENT, publish, LAMBDA_FLAGS),
            new Variant("publish + AppCDS", PUBLISH, S3_EVENT, publish, publishCds));

    for (Variant variant : variants) {
      start(variant); // once unmeasured: the jars and the archive in the page cache
    }
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    variants.forEach(v -> runs.put(v.name(), new ArrayList<>()));
    for (int rep = 0; rep < repetitions; rep++) {
      for (Variant variant : variants) {
        runs.get(variant.name()).add(start(variant));
      }
    }
    Map<String, Run> medians = new LinkedHashMap<>();
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    runs.forEach(
        (name, list) -> {
          medians.put(name, median(list));
          samples.put(name, list.stream().map(Run::totalMs).toList());
        });

    long siteHighlighter = highlighterClassesLoaded(SITE, API_EVENT, site);
    long publishHighlighter = highlighterClassesLoaded(PUBLISH, S3_EVENT, publish);
    report.detail("cold.highlighterClassesLoadedBySite", siteHighlighter);
    report.detail("cold.highlighterClassesLoadedByPublish", publishHighlighter);
    if (siteHighlighter != 0 || publishHighlighter == 0) {
      throw new IllegalStateException(
          "the highlighter belongs to the publish path only: the site function loaded "
              + siteHighlighter
              + " of its classes, the publish function "
              + publishHighlighter);
    }

    double bare = medians.get("trivial, no event parsing").totalMs();
    double trivialApi = medians.get("trivial (API event)").totalMs();
    double trivialApiCds = medians.get("trivial (API event) + AppCDS").totalMs();
    double trivialS3 = medians.get("trivial (S3 event)").totalMs();
    double siteMs = medians.get("site").totalMs();
    double siteCdsMs = medians.get("site + AppCDS").totalMs();
    report.add(
        "Cold start",
        "site, first page (JVM start to response)",
        siteMs,
        "ms",
        "trivial handler, same event",
        trivialApi,
        "within 5x",
        siteMs <= 5 * trivialApi);
    report.add(
        "Cold start",
        "site + AppCDS archive",
        siteCdsMs,
        "ms",
        "trivial handler + AppCDS, same event",
        trivialApiCds,
        "within 5x",
        siteCdsMs <= 5 * trivialApiCds);
    report.add(
        "Cold start",
        "site",
        siteMs,
        "ms",
        "trivial handler, no event parsing",
        bare,
        "within 5x",
        siteMs <= 5 * bare);
    report.add(
        "Cold start",
        "site + AppCDS archive",
        siteCdsMs,
        "ms",
        "trivial handler, no event parsing",
        bare,
        "within 5x",
        siteCdsMs <= 5 * bare);
    double sdk = medians.get("SDK only: DynamoDB client + GetItem").totalMs();
    report.add(
        "Cold start",
        "SDK only: DynamoDB client + 1 GetItem, no Micronaut",
        sdk,
        "ms",
        "trivial handler, same event",
        trivialApi);
    report.add(
        "Cold start",
        "SDK only, + building the S3 client too",
        medians.get("SDK only: + S3 client built").totalMs(),
        "ms",
        "SDK only, DynamoDB client alone",
        sdk);
    report.add(
        "Cold start",
        "publish, first event",
        medians.get("publish").totalMs(),
        "ms",
        "trivial handler, same event",
        trivialS3);
    report.add(
        "Cold start",
        "publish + AppCDS archive",
        medians.get("publish + AppCDS").totalMs(),
        "ms",
        "trivial handler, same event",
        trivialS3);
    Figures figures = new Figures(medians, samples);
    report.detail("coldStart", figures);
    report.detail("coldStart.flags", LAMBDA_FLAGS);
    report.detail("coldStart.repetitions", repetitions);
    return figures;
  }

  /**
   * How many classes of the highlighter (RSyntaxTextArea, {@code org.fife}) a cold start of {@code
   * handler} loads, from the JVM's class-loading log: none for the site, some for publishing.
   */
  private long highlighterClassesLoaded(String handler, String eventClass, Supplier<Path> event) {
    Path log = dir.resolve("classes-" + handler.substring(handler.lastIndexOf('.') + 1) + ".log");
    try {
      Files.deleteIfExists(log);
      start(
          new Variant(
              "class loading of " + handler,
              handler,
              eventClass,
              event,
              with(LAMBDA_FLAGS, "-Xlog:class+load=info:file=" + log)));
      try (var lines = Files.lines(log)) {
        return lines.filter(line -> line.contains(" org.fife.")).count();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> with(List<String> flags, String... more) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of(more));
    return all;
  }

  private static Run median(List<Run> runs) {
    return new Run(
        Stats.median(runs.stream().map(Run::totalMs).toList()),
        Stats.median(runs.stream().map(Run::jvmMs).toList()),
        Stats.median(runs.stream().map(Run::initMs).toList()),
        Stats.median(runs.stream().map(Run::invokeMs).toList()),
        runs.get(0).status());
  }

  /** A fresh source object and its event: every publish run really publishes a new post. */
  private Path nextPublishEvent() {
    int n = ++publishRuns;
    String key = String.format("posts/cold/run-%03d.md", n);
    Corpus.Post post = Corpus.post(10_000 + n);
    blog.emulators()
        .s3()
        .putObject(
            r -> r.bucket(blog.bucket()).key(key),
            RequestBody.fromString(post.markdown(), StandardCharsets.UTF_8));
    return write(
        "publish-event-" + n + ".json",
        BucketEventJson.put(blog.bucket(), key, String.format("%016X", 0xC0000 + n), null));
  }

  private void train(String handler, String eventClass, Path event, Path archive) {
    try {
      Files.deleteIfExists(archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Run run =
        start(
            new Variant(
                "training " + archive.getFileName(),
                handler,
                eventClass,
                () -> event,
                with(LAMBDA_FLAGS, "-XX:ArchiveClassesAtExit=" + archive)));
    waitForFile(archive);
    if (run.status() == null) {
      throw new IllegalStateException("training run failed");
    }
  }

  private static void waitForFile(Path file) {
    for (int i = 0; i < 200 && !Files.isRegularFile(file); i++) {
      sleep(50);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no CDS archive was written to " + file);
    }
  }

  Run start(Variant variant) {
    Path event = variant.event().get();
    List<String> command = new ArrayList<>();
    command.add(Workspace.java());
    command.addAll(variant.flags());
    command.add("-cp");
    command.add(Workspace.join(classpath));
    command.add("inkwell.bench.lambda.LambdaMain");
    command.add(variant.handler());
    command.add(variant.eventClass());
    command.add(event.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path);
    env.put("LANG", "en_US.UTF-8");
    env.put("TZ", ":UTC");
    env.putAll(blog.lambdaEnvironment("bench-" + variant.handler()));
    env.putAll(variant.env());
    Path log = dir.resolve("last-" + variant.name().replaceAll("[^a-zA-Z0-9]+", "-") + ".log");
    builder.redirectError(log.toFile());
    long started = System.nanoTime();
    try {
      Process process = builder.start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        double total = -1;
        String status = null;
        double jvm = 0;
        double init = 0;
        double invoke = 0;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("RESPONSE ") && total < 0) {
            total = Stats.millis(System.nanoTime() - started);
            status = line.split(" ")[2];
          } else if (line.startsWith("PHASES ")) {
            for (String part : line.substring(7).split(" ")) {
              String[] kv = part.split("=");
              double value = Double.parseDouble(kv[1]);
              switch (kv[0]) {
                case "jvm" -> jvm = value;
                case "init" -> init = value;
                default -> invoke = value;
              }
            }
          }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        if (total < 0 || process.exitValue() != 0) {
          throw new IllegalStateException(
              variant.name() + " failed (exit " + process.exitValue() + "): see " + log);
        }
        if (variant.handler().equals(SITE) && !"200".equals(status)) {
          throw new IllegalStateException(variant.name() + " answered " + status + ": see " + log);
        }
        return new Run(total, jvm, init, invoke, status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String content) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The harness classes as a jar: class data sharing archives only classes loaded from jars. */
  private Path harnessJar() {
    Path classes = workspace.project().resolve("target/test-classes");
    Path jar = dir.resolve("lambda-harness.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(classes.resolve("inkwell/bench/lambda"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
