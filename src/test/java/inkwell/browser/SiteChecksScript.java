package inkwell.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/browser/site-checks.mjs} (Node, playwright-core, Debian's Chromium) against
 * a running site and reads its report. Chromium, Node and playwright-core missing are errors that
 * say how to install them; {@code -DINKWELL_BROWSER_TESTS=skip} is the only way to go without.
 */
final class SiteChecksScript {

  /**
   * Where Debian's {@code chromium} package puts the browser; {@code INKWELL_CHROMIUM} overrides.
   */
  static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

  /** Chromium starts in about a second and the whole run takes about half a minute here. */
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Path projectDir;
  private final Path chromium;
  private final Map<String, String> pages = new LinkedHashMap<>();
  private final Map<String, String> feeds = new LinkedHashMap<>();
  private String canary;

  private SiteChecksScript(Path projectDir, Path chromium) {
    this.projectDir = projectDir;
    this.chromium = chromium;
  }

  /** Thrown when the browser tests cannot run here; the message says what to install. */
  static final class MissingToolException extends Exception {
    MissingToolException(String message) {
      super(message, null, false, false);
    }
  }

  /** The script in this project, with the Chromium it will drive; fails if a tool is missing. */
  static SiteChecksScript locate() throws MissingToolException {
    Path projectDir = Path.of(System.getProperty("inkwell.projectDir", ".")).toAbsolutePath();
    Path chromium = Path.of(setting("INKWELL_CHROMIUM", DEFAULT_CHROMIUM));
    if (!Files.isExecutable(chromium)) {
      throw new MissingToolException(
          "Chromium is not installed at "
              + chromium
              + ", and the browser checks need it. Install Debian's package: `sudo apt-get install"
              + " chromium` (.ci/run does this in CI), or point INKWELL_CHROMIUM at another"
              + " Chromium or Chrome binary. To build without the browser checks on purpose, run"
              + " with -DINKWELL_BROWSER_TESTS=skip.");
    }
    requireNodeModule(projectDir, "playwright-core/package.json");
    requireNodeModule(projectDir, "axe-core/axe.min.js");
    requireNodeModule(projectDir, "lighthouse/package.json");
    requireNodeModule(projectDir, "chrome-launcher/package.json");
    return new SiteChecksScript(projectDir, chromium);
  }

  private static void requireNodeModule(Path projectDir, String file) throws MissingToolException {
    if (!Files.isRegularFile(projectDir.resolve("node_modules").resolve(file))) {
      throw new MissingToolException(
          file.substring(0, file.indexOf('/'))
              + " is not installed in "
              + projectDir.resolve("node_modules")
              + ": run `npm ci` in "
              + projectDir
              + " (the Maven build does it in generate-test-resources when it is missing).");
    }
  }

  /** True when the developer asked to go without the browser checks. */
  static boolean skipped() {
    return setting("INKWELL_BROWSER_TESTS", "run").equalsIgnoreCase("skip");
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }

  Path chromium() {
    return chromium;
  }

  /** The pages to visit, name to path. */
  Map<String, String> pages() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pages));
  }

  /** Visits {@code path} at every viewport and colour scheme. */
  SiteChecksScript page(String name, String path) {
    pages.put(name, path);
    return this;
  }

  /** Opens a feed as served, and an XML feed rendered as XML too. */
  SiteChecksScript feed(String name, String path) {
    feeds.put(name, path);
    return this;
  }

  /** Plants one of every problem on {@code path}, to show the checks catch them. */
  SiteChecksScript canary(String path) {
    canary = path;
    return this;
  }

  /**
   * Runs the script against {@code baseUrl}, writing screenshots to {@code screenshots} and its
   * report and log next to them.
   */
  BrowserReport run(String baseUrl, Path screenshots) throws IOException, InterruptedException {
    Files.createDirectories(screenshots);
    Path report = screenshots.resolveSibling("browser-checks.json");
    Path log = screenshots.resolveSibling("browser-checks.log");
    Files.deleteIfExists(report);
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(projectDir.resolve("src/test/browser/site-checks.mjs").toString());
    command.addAll(List.of("--base-url", baseUrl, "--out", report.toString()));
    command.addAll(List.of("--screenshots", screenshots.toString()));
    command.addAll(List.of("--chromium", chromium.toString()));
    pages.forEach((name, path) -> command.addAll(List.of("--page", name + "=" + path)));
    feeds.forEach((name, path) -> command.addAll(List.of("--feed", name + "=" + path)));
    if (canary != null) {
      command.addAll(List.of("--canary", canary));
    }
    execute(command, report, log);
    return BrowserReport.read(report);
  }

  /**
   * Runs another script of src/test/browser with the same Node and Chromium: {@code node SCRIPT
   * ARGS --chromium ... --out REPORT}. Returns the report it wrote.
   */
  Path runScript(String script, List<String> args, Path report)
      throws IOException, InterruptedException {
    Files.createDirectories(report.getParent());
    Files.deleteIfExists(report);
    Path log = report.resolveSibling(report.getFileName() + ".log");
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(projectDir.resolve("src/test/browser").resolve(script).toString());
    command.addAll(args);
    command.addAll(List.of("--chromium", chromium.toString(), "--out", report.toString()));
    execute(command, report, log);
    return report;
  }

  /**
   * Runs {@code command} in the project, its output in {@code log}; it must write {@code report}.
   */
  private void execute(List<String> command, Path report, Path log)
      throws IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(projectDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IOException(
          "could not start Node.js (`node` on the PATH), which runs the browser script: "
              + e.getMessage(),
          e);
    }
    boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "the browser script did not finish within "
              + TIMEOUT.toMinutes()
              + " minutes. Command: "
              + String.join(" ", command)
              + "\nLog:\n"
              + tail(log));
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(report)) {
      throw new IllegalStateException(
          "the browser script failed to run (exit code "
              + process.exitValue()
              + "). Command: "
              + String.join(" ", command)
              + "\nLog:\n"
              + tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
