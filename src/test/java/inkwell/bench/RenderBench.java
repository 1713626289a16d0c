package inkwell.bench;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rendering: the corpus through {@link PostPipeline} (front matter, Markdown, code highlighting,
 * sanitizing, summary, table of contents, word count), against {@code hugo} building the same files
 * as a site in the same run, with its default syntax highlighting (Chroma) on, as the pipeline's
 * is; its taxonomy, list and feed pages are off, since the pipeline renders posts only. The
 * pipeline also runs without highlighting, to show what highlighting costs.
 */
final class RenderBench {

  private static final Pattern HUGO_TOTAL = Pattern.compile("Total in (\\d+) ms");

  private RenderBench() {}

  static void run(Workspace workspace, List<Corpus.Post> posts, Path corpus, Report report) {
    int n = posts.size();
    List<Source> sources = new ArrayList<>(n);
    for (Corpus.Post post : posts) {
      sources.add(
          new Source(
              "posts/" + post.fileName(),
              post.markdown().getBytes(StandardCharsets.UTF_8),
              Instant.EPOCH));
    }
    PostPipeline pipeline = PostPipeline.create();
    PostPipeline plain = PostPipeline.builder().highlightCode(false).build();
    double firstPassMs = pass(pipeline, sources, false);
    pass(plain, sources, false);
    List<Double> oneThread = new ArrayList<>();
    List<Double> allCores = new ArrayList<>();
    List<Double> allCoresPlain = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      oneThread.add(pass(pipeline, sources, false));
      allCores.add(pass(pipeline, sources, true));
      allCoresPlain.add(pass(plain, sources, true));
    }
    long words =
        sources.stream()
            .mapToLong(s -> ((ParseResult.Parsed) pipeline.parse(s)).post().wordCount())
            .sum();

    Path site = hugoSite(workspace, "hugo", corpus);
    List<Double> hugoWall = new ArrayList<>();
    List<Double> hugoOwn = new ArrayList<>();
    List<Double> jvmWall = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      hugoWall.add(hugo(site, true).wallMs());
      Processes.Result verbose = hugo(site, false);
      Matcher total = HUGO_TOTAL.matcher(verbose.output());
      if (total.find()) {
        hugoOwn.add(Double.parseDouble(total.group(1)));
      }
      jvmWall.add(freshJvm(workspace, corpus, n));
    }
    int hugoPages = countHugoPages(site);
    if (hugoPages != n) {
      throw new IllegalStateException("hugo rendered " + hugoPages + " of " + n + " posts");
    }
    requireHighlighting(site);
    double hugoRate = rate(n, Stats.median(hugoWall));
    double hugoOwnRate = hugoOwn.isEmpty() ? Double.NaN : rate(n, Stats.median(hugoOwn));
    double allRate = rate(n, Stats.median(allCores));
    int cores = ForkJoinPool.commonPool().getParallelism() + 1;
    String hugo = "`hugo --quiet` (Chroma highlighting), end to end";
    report.add(
        "Render",
        "pipeline with highlighting, warm, " + cores + " threads",
        allRate,
        "posts/s",
        hugo,
        hugoRate,
        "at least 1.5x Hugo's rate",
        allRate >= 1.5 * hugoRate);
    report.add(
        "Render",
        "pipeline with highlighting, warm, 1 thread",
        rate(n, Stats.median(oneThread)),
        "posts/s",
        hugo,
        hugoRate);
    report.add(
        "Render",
        "pipeline, fresh JVM: read files + render, end to end",
        rate(n, Stats.median(jvmWall)),
        "posts/s",
        hugo,
        hugoRate);
    report.add(
        "Render",
        "pipeline with highlighting, warm, " + cores + " threads",
        allRate,
        "posts/s",
        "hugo's own \"Total in\"",
        hugoOwnRate);
    report.add(
        "Render",
        "pipeline with highlighting, warm, " + cores + " threads",
        allRate,
        "posts/s",
        "the same pipeline without highlighting",
        rate(n, Stats.median(allCoresPlain)));
    report.detail("render.posts", n);
    report.detail("render.wordsPerPost", words / (double) n);
    report.detail(
        "render.bytesPerPost",
        sources.stream().mapToLong(s -> s.bytes().length).sum() / (double) n);
    report.detail("render.firstPassMs", firstPassMs);
    report.detail("render.oneThreadMs", oneThread);
    report.detail("render.allCoresMs", allCores);
    report.detail("render.allCoresWithoutHighlightingMs", allCoresPlain);
    report.detail("render.freshJvmMs", jvmWall);
    report.detail("render.hugoQuietMs", hugoWall);
    report.detail("render.hugoTotalMs", hugoOwn);
    report.detail("render.hugoVersion", Processes.version("hugo", "version"));
  }

  private static double rate(int posts, double millis) {
    return posts / (millis / 1000.0);
  }

  private static double pass(PostPipeline pipeline, List<Source> sources, boolean parallel) {
    long started = System.nanoTime();
    long parsed =
        (parallel ? sources.parallelStream() : sources.stream())
            .map(pipeline::parse)
            .filter(r -> r instanceof ParseResult.Parsed)
            .count();
    double ms = Stats.millis(System.nanoTime() - started);
    if (parsed != sources.size()) {
      throw new IllegalStateException("only " + parsed + " of " + sources.size() + " posts parsed");
    }
    return ms;
  }

  private static double freshJvm(Workspace workspace, Path corpus, int n) {
    List<Path> classpath = new ArrayList<>(workspace.runtimeJars());
    classpath.add(workspace.project().resolve("target/test-classes"));
    Processes.Result result =
        Processes.run(
            null,
            List.of(
                Workspace.java(),
                "-cp",
                Workspace.join(classpath),
                RenderCorpus.class.getName(),
                corpus.toString()));
    if (!result.output().contains("RENDERED " + n + " ")) {
      throw new IllegalStateException("RenderCorpus: " + result.output());
    }
    return result.wallMs();
  }

  static Processes.Result hugo(Path site, boolean quiet) {
    List<String> command = new ArrayList<>(List.of("hugo", "--cleanDestinationDir"));
    if (quiet) {
      command.add("--quiet");
    }
    return Processes.run(site, command);
  }

  /**
   * Hugo's default highlighting (Chroma, inline styles) wraps a highlighted block in {@code <div
   * class="highlight">} and colours its tokens with {@code style="color:...}.
   */
  private static void requireHighlighting(Path site) {
    try (var files = Files.walk(site.resolve("public/posts"))) {
      boolean highlighted =
          files
              .filter(f -> f.getFileName().toString().equals("index.html"))
              .anyMatch(
                  f -> {
                    String html = read(f);
                    return html.contains("<div class=\"highlight\">")
                        && html.contains("<span style=\"color:");
                  });
      if (!highlighted) {
        throw new IllegalStateException("hugo highlighted no code block; check its configuration");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int countHugoPages(Path site) {
    try (var files = Files.walk(site.resolve("public/posts"))) {
      return (int) files.filter(f -> f.getFileName().toString().equals("index.html")).count() - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal Hugo site over a copy of the corpus: one layout for posts, nothing else. */
  static Path hugoSite(Workspace workspace, String name, Path corpus) {
    Path site = workspace.dir(name);
    try {
      Files.writeString(
          site.resolve("config.toml"),
          """
          baseURL = "https://blog.example.com/"
          title = "Bench"
          disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
          [markup.goldmark.renderer]
            unsafe = true
          """);
      Path layouts = site.resolve("layouts/_default");
      Files.createDirectories(layouts);
      Files.writeString(
          layouts.resolve("single.html"),
          """
          <!doctype html><html><head><title>{{ .Title }}</title>
          <meta name="description" content="{{ .Summary | plainify }}"></head>
          <body><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }},
          {{ .ReadingTime }} min, {{ .WordCount }} words</p>
          <nav>{{ .TableOfContents }}</nav><article>{{ .Content }}</article></body></html>
          """);
      Files.writeString(layouts.resolve("list.html"), "{{ range .Pages }}{{ .Title }}{{ end }}\n");
      Path content = site.resolve("content/posts");
      if (Files.isDirectory(content)) {
        try (var old = Files.list(content)) {
          for (Path file : (Iterable<Path>) old::iterator) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(content);
      try (var files = Files.list(corpus)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.copy(file, content.resolve(file.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return site;
  }
}
