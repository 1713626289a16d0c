package inkwell.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./preview} over the generated corpus at each size (1,000 and 10,000 posts by default),
 * next to {@code hugo} building the same files in the same run, three runs each:
 *
 * <ul>
 *   <li>cold start: no render cache ({@code target/preview-cache} deleted), a fresh JVM, from
 *       process start to the home page's first 200; the preview answers 503 until the folder is
 *       loaded, and the archive is then walked to check that it lists every post (the run fails
 *       otherwise). Goal at 1,000 posts: at most 1.5x Hugo's time.
 *   <li>warm start: the same with the cache the cold start left. Goal at 1,000 posts: 1 s.
 *   <li>a saved edit: a post's title changed on disk, timed until the live-reload stream sends its
 *       change and the post's page shows the new title. Goal at 1,000 posts: 300 ms.
 *   <li>resident memory (VmRSS) of the preview after a warm start and the archive walk.
 * </ul>
 */
final class PreviewLoadBench {

  static final int RUNS = 3;
  private static final int EDITS = 3;
  private static final int YEARS_BACK = 28;
  private static final String SECTION = "Author's loop";

  private PreviewLoadBench() {}

  static void run(Workspace workspace, List<Integer> sizes, Report report) {
    Path project = workspace.project();
    for (int size : sizes) {
      Bench.log("preview load: %,d posts, %d runs", size, RUNS);
      runSize(workspace, project, size, report);
    }
  }

  private static void runSize(Workspace workspace, Path project, int size, Report report) {
    List<Corpus.Post> posts = inThePast(Corpus.generate(size));
    Path folder = workspace.dir("preview-corpus-" + size).resolve("posts");
    deleteTree(folder);
    Corpus.write(posts, folder);
    Path site = RenderBench.hugoSite(workspace, "preview-hugo-" + size, folder);
    Corpus.Post edited = posts.get(posts.size() / 2);
    Path editedFile = folder.resolve(edited.fileName());
    String slug = edited.fileName().replace(".md", "");

    List<Double> hugo = new ArrayList<>();
    List<Double> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    List<Double> edits = new ArrayList<>();
    List<Double> memory = new ArrayList<>();
    List<Double> coldCpu = new ArrayList<>();
    List<Double> warmCpu = new ArrayList<>();
    List<Double> load = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      load.add(loadAverage());
      hugo.add(RenderBench.hugo(site, true).wallMs());
      if (RenderBench.countHugoPages(site) != size) {
        throw new IllegalStateException("hugo rendered " + RenderBench.countHugoPages(site));
      }
      deleteTree(project.resolve("target/preview-cache"));
      try (PreviewProcess preview = PreviewProcess.start(project, folder)) {
        cold.add(preview.startedToCompleteMs());
        coldCpu.add(preview.cpuToCompleteMs());
        requireComplete(preview, size);
      }
      try (PreviewProcess preview = PreviewProcess.start(project, folder)) {
        warm.add(preview.startedToCompleteMs());
        warmCpu.add(preview.cpuToCompleteMs());
        load.add(loadAverage());
        requireComplete(preview, size);
        memory.add(preview.residentMiB());
        for (int i = 0; i < EDITS; i++) {
          String title = "Edited title " + run + "-" + i;
          String markdown = edited.markdown().replaceFirst("(?m)^title: .*$", "title: " + title);
          edits.add(preview.editVisibleMs(editedFile, markdown, "/" + slug + "/", title));
        }
      }
      try {
        Files.writeString(editedFile, edited.markdown());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Bench.log(
        "preview load, %,d posts: hugo %s ms; cold %s ms (CPU %s); warm %s ms (CPU %s);"
            + " edit %s ms; resident %s MiB; load average %s",
        size,
        spread(hugo),
        spread(cold),
        spread(coldCpu),
        spread(warm),
        spread(warmCpu),
        spread(edits),
        spread(memory),
        load.stream()
            .map(v -> String.format(Locale.ROOT, "%.1f", v))
            .collect(Collectors.joining(" / ")));
    report(size, hugo, cold, warm, edits, memory, report);
    String n = String.format(Locale.ROOT, "%,d posts", size);
    report.add(
        SECTION,
        "./preview CPU time (user+sys) to complete site, cold, " + n + " (" + spread(coldCpu) + ")",
        Stats.median(coldCpu),
        "ms",
        "",
        0);
    report.add(
        SECTION,
        "./preview CPU time (user+sys) to complete site, warm, " + n + " (" + spread(warmCpu) + ")",
        Stats.median(warmCpu),
        "ms",
        "",
        0);
    report.detail("previewLoad." + size + ".loadAverage", load);
    report.detail("previewLoad." + size + ".coldCpuMs", coldCpu);
    report.detail("previewLoad." + size + ".warmCpuMs", warmCpu);
  }

  private static void report(
      int size,
      List<Double> hugo,
      List<Double> cold,
      List<Double> warm,
      List<Double> edits,
      List<Double> memory,
      Report report) {
    String n = String.format(Locale.ROOT, "%,d posts", size);
    String hugoName = "`hugo --quiet`, same files, same run, median (" + spread(hugo) + ")";
    double hugoMs = Stats.median(hugo);
    boolean goals = size == 1000; // the goals are set at 1,000 posts
    double coldMs = Stats.median(cold);
    double warmMs = Stats.median(warm);
    double editMs = Stats.median(edits);
    report.add(
        new Report.Row(
            SECTION,
            "./preview cold start (no cache) to complete site, "
                + n
                + ", median ("
                + spread(cold)
                + ")",
            coldMs,
            "ms",
            hugoName,
            hugoMs,
            goals ? "<= 1.5x Hugo" : "",
            goals ? coldMs <= 1.5 * hugoMs : null));
    report.add(
        new Report.Row(
            SECTION,
            "./preview warm start (cache) to complete site, "
                + n
                + ", median ("
                + spread(warm)
                + ")",
            warmMs,
            "ms",
            hugoName,
            hugoMs,
            goals ? "<= 1000 ms" : "",
            goals ? warmMs <= 1000 : null));
    report.add(
        new Report.Row(
            SECTION,
            "saved edit visible in the open page, "
                + n
                + ", median of "
                + edits.size()
                + " ("
                + spread(edits)
                + ")",
            editMs,
            "ms",
            "",
            0,
            goals ? "<= 300 ms" : "",
            goals ? editMs <= 300 : null));
    report.add(
        new Report.Row(
            SECTION,
            "./preview resident memory after a warm start, " + n + " (" + spread(memory) + ")",
            Stats.median(memory),
            "MiB",
            "",
            0,
            "",
            null));
    String key = "previewLoad." + size + ".";
    report.detail(key + "hugoMs", hugo);
    report.detail(key + "coldMs", cold);
    report.detail(key + "warmMs", warm);
    report.detail(key + "editMs", edits);
    report.detail(key + "residentMiB", memory);
  }

  /**
   * The corpus with every date 28 years earlier (leap days stay leap days): it dates post i at
   * 2020-01-01 plus i days, so at 10,000 posts most would be scheduled (hidden by both Hugo and the
   * preview), not listed.
   */
  private static List<Corpus.Post> inThePast(List<Corpus.Post> posts) {
    Pattern date = Pattern.compile("(?m)^date: (\\d{4})-");
    List<Corpus.Post> past = new ArrayList<>(posts.size());
    for (Corpus.Post post : posts) {
      Matcher m = date.matcher(post.markdown());
      if (!m.find()) {
        throw new IllegalStateException("no date in " + post.fileName());
      }
      String year = String.valueOf(Integer.parseInt(m.group(1)) - YEARS_BACK);
      String markdown =
          post.markdown().substring(0, m.start(1)) + year + post.markdown().substring(m.end(1));
      past.add(new Corpus.Post(post.fileName(), markdown));
    }
    return past;
  }

  /**
   * The machine's one-minute load average ({@code /proc/loadavg}), taken before each run's Hugo
   * build and after its warm start: the figures of a shared machine are read with it.
   */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** {@code 812 / 850 / 990}: every sample, in run order, rounded. */
  static String spread(List<Double> samples) {
    return samples.stream()
        .map(v -> String.format(Locale.ROOT, "%,.0f", v))
        .collect(Collectors.joining(" / "));
  }

  private static void requireComplete(PreviewProcess preview, int size) {
    int listed = preview.archivedPosts();
    if (listed != size) {
      throw new IllegalStateException(
          "the preview answered 200 with " + listed + " of " + size + " posts in its archive");
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
