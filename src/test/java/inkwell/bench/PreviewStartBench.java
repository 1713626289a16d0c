package inkwell.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./preview} as a writer starts it, measured from outside: the first run of a fresh clone (a
 * {@code git clone} of this checkout, no {@code target/}, the Maven repository already holding the
 * dependencies: Maven compiles, the training run records the class-data archive, then the preview
 * starts and loads the sample posts; goal at most 60 s), then the load of a large blog ({@link
 * PreviewLoadBench}).
 */
final class PreviewStartBench {

  private PreviewStartBench() {}

  static void run(Workspace workspace, List<Integer> sizes, Report report) {
    Path project = workspace.project();
    // Builds if anything changed, so that what PreviewLoadBench times is the preview, not Maven.
    try (PreviewProcess build = PreviewProcess.start(project, null)) {
      Bench.log("preview built and started in %.0f ms", build.startedToCompleteMs());
    }
    PreviewLoadBench.run(workspace, sizes, report);

    // A clone of its own each run: the previous run's clone holds a build.
    Path clones = workspace.dir("fresh-clone");
    Processes.run(null, List.of("rm", "-rf", clones.resolve("inkwell").toString()));
    Path clone = clones.resolve("inkwell");
    Processes.run(null, List.of("git", "clone", "-q", project.toString(), clone.toString()));
    double fresh;
    try (PreviewProcess first = PreviewProcess.start(clone, null)) {
      fresh = first.startedToCompleteMs();
    }
    report.detail("previewFreshCloneStartMs", fresh);
    report.add(
        "Author's loop",
        "./preview first run of a fresh clone to the complete sample site (ms)",
        fresh,
        "ms",
        "goal",
        60000,
        "<= 60000 ms",
        fresh <= 60000);
  }
}
