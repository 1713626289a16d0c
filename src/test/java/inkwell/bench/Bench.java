package inkwell.bench;

import inkwell.support.StructuredLog;
import inkwell.testenv.StandaloneEmulators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every benchmark, prints one table and writes {@code target/bench/results.json}. Started by
 * {@code bench/run}, which builds the project and passes the class paths; see docs/BENCHMARKS.md.
 *
 * <pre>
 * bench/run [--only render,publish,cli,pages,cold,search,serve,preview,cdn,scale] [--posts N]
 *     [--cold-runs N] [--cli-samples N] [--cdn-views N] [--scale-samples N] [--scale-large]
 *     [--scale-sizes N,N] [--search-posts N] [--preview-sizes N,N]
 * </pre>
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    StructuredLog.silence();
    Workspace workspace = Workspace.fromSystemProperties();
    Report report = new Report(Machine.describe());
    List<Corpus.Post> posts = Corpus.generate(options.posts());
    Path corpus = workspace.dir("corpus").resolve("posts");
    Corpus.write(posts, corpus);
    String postSlug = posts.get(posts.size() / 2).fileName().replace(".md", "");
    log("corpus: %d posts in %s", posts.size(), corpus);

    CostModel.Inputs cost = new CostModel.Inputs();
    if (options.runs("render")) {
      log("rendering: pipeline and hugo");
      RenderBench.run(workspace, posts, corpus, report);
    }
    if (options.runs("publish")
        || options.runs("cli")
        || options.runs("pages")
        || options.runs("cold")
        || options.runs("cdn")
        || options.runs("scale")) {
      try (StandaloneEmulators servers = StandaloneEmulators.start()) {
        Blog blog = Blog.create(servers.emulators());
        if (!options.only().equals(Set.of("scale"))) {
          log("publishing %d posts through the publish handler", posts.size());
          cost.publish = PublishBench.run(blog, posts, report);
        }
        if (options.runs("cli")) {
          log("./inkwell publish: upload to visible, %d posts one at a time", options.cliSamples());
          CliPublishBench.run(workspace, blog, posts, options.cliSamples(), report);
        }
        if (options.runs("pages") || options.runs("cdn")) {
          log("warm pages");
          cost.pages = PageBench.run(blog, postSlug, 300, options.pageSamples(), report);
        }
        if (options.runs("cold")) {
          log("cold starts: %d runs per variant", options.coldRuns());
          cost.cold = new ColdStartBench(workspace, blog).run(postSlug, options.coldRuns(), report);
        }
        if (options.runs("cdn")) {
          CdnCostBench.run(blog, postSlug, cost, options.cdnViews(), report);
        }
        if (options.runs("scale")) {
          List<Integer> sizes = options.scaleSizes();
          log("scale: %s posts, %d samples per page", sizes, options.scaleSamples());
          ScaleBench.run(servers.emulators(), sizes, options.scaleSamples(), report);
        }
      }
    }
    if (options.runs("search")) {
      try (StandaloneEmulators servers = StandaloneEmulators.start()) {
        Blog blog = Blog.create(servers.emulators());
        List<Corpus.Post> large = Corpus.generate(options.searchPosts());
        log("search: %d posts", large.size());
        SearchBench.run(blog, large, report);
      }
    }
    if (options.runs("serve")) {
      log("serving: preview and nginx under wrk");
      ServeBench.run(workspace, corpus, postSlug, report);
    }
    if (options.runs("preview")) {
      log(
          "preview: cold and warm loads at %s posts, a saved edit, a fresh clone's first run",
          options.previewSizes());
      PreviewStartBench.run(workspace, options.previewSizes(), report);
    }
    if (cost.complete()) {
      CostModel.report(cost, report);
    }
    String table = report.markdown();
    System.out.println();
    System.out.print(table);
    Path json = workspace.out().resolve("results.json");
    report.writeJson(json);
    Files.writeString(workspace.out().resolve("results.md"), table);
    System.out.println();
    System.out.println("results: " + json);
    System.exit(0);
  }

  static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    System.out.flush();
  }

  /** Command-line options. */
  record Options(
      Set<String> only,
      int posts,
      int coldRuns,
      int pageSamples,
      int cliSamples,
      long cdnViews,
      int scaleSamples,
      List<Integer> scaleSizes,
      int searchPosts,
      List<Integer> previewSizes) {

    static Options parse(String[] args) {
      Set<String> only =
          Set.of(
              "render", "publish", "cli", "pages", "cold", "search", "serve", "preview", "cdn",
              "scale");
      int posts = 1000;
      int coldRuns = 5;
      int pageSamples = 1000;
      int cliSamples = 30;
      long cdnViews = 10_000_000;
      int scaleSamples = 100;
      List<Integer> scaleSizes = List.of(1_000, 10_000);
      int searchPosts = 10_000;
      List<Integer> previewSizes = List.of(1_000, 10_000);
      List<String> list = Arrays.asList(args);
      for (int i = 0; i < list.size(); i++) {
        String value = i + 1 < list.size() ? list.get(i + 1) : "";
        switch (list.get(i)) {
          case "--only" -> {
            only = Set.of(value.split(","));
            i++;
          }
          case "--posts" -> {
            posts = Integer.parseInt(value);
            i++;
          }
          case "--cold-runs" -> {
            coldRuns = Integer.parseInt(value);
            i++;
          }
          case "--page-samples" -> {
            pageSamples = Integer.parseInt(value);
            i++;
          }
          case "--cli-samples" -> {
            cliSamples = Integer.parseInt(value);
            i++;
          }
          case "--cdn-views" -> {
            cdnViews = Long.parseLong(value);
            i++;
          }
          case "--scale-samples" -> {
            scaleSamples = Integer.parseInt(value);
            i++;
          }
          case "--scale-large" -> scaleSizes = List.of(1_000, 10_000, 50_000);
          case "--search-posts" -> {
            searchPosts = Integer.parseInt(value);
            i++;
          }
          case "--scale-sizes" -> {
            scaleSizes = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
            i++;
          }
          case "--preview-sizes" -> {
            previewSizes = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
            i++;
          }
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + list.get(i)
                      + "; use --only render,publish,cli,pages,cold,search,serve,preview,cdn,scale"
                      + " --posts N --cold-runs N --page-samples N --cli-samples N --cdn-views N"
                      + " --scale-samples N --scale-large --scale-sizes N,N --search-posts N"
                      + " --preview-sizes N,N");
        }
      }
      return new Options(
          only,
          posts,
          coldRuns,
          pageSamples,
          cliSamples,
          cdnViews,
          scaleSamples,
          scaleSizes,
          searchPosts,
          previewSizes);
    }

    boolean runs(String name) {
      return only.contains(name);
    }
  }

  /** The machine the figures come from. */
  static final class Machine {
    private Machine() {}

    static Map<String, Object> describe() {
      Map<String, Object> machine = new LinkedHashMap<>();
      machine.put("cpus", Runtime.getRuntime().availableProcessors());
      machine.put("cpuModel", firstMatch(Path.of("/proc/cpuinfo"), "model name"));
      machine.put("memory", firstMatch(Path.of("/proc/meminfo"), "MemTotal"));
      machine.put(
          "jdk",
          System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
      machine.put("os", osName() + " (kernel " + System.getProperty("os.version") + ")");
      machine.put("date", java.time.LocalDate.now().toString());
      return machine;
    }

    private static String osName() {
      String pretty = firstMatch(Path.of("/etc/os-release"), "PRETTY_NAME");
      return pretty.isEmpty() ? System.getProperty("os.name") : pretty.replace("\"", "");
    }

    private static String firstMatch(Path file, String key) {
      try {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith(key)) {
            return line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).strip();
          }
        }
      } catch (IOException e) {
        return "";
      }
      return "";
    }
  }
}
