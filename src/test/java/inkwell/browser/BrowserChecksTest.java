package inkwell.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import inkwell.browser.BrowserReport.ConsoleMessage;
import inkwell.browser.BrowserReport.FocusStop;
import inkwell.browser.BrowserReport.Image;
import inkwell.browser.BrowserReport.Visit;
import inkwell.pipeline.CodeFixture;
import inkwell.post.Tag;
import inkwell.preview.PreviewOptions;
import inkwell.preview.PreviewServer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader's site in a real browser. The local preview serves the posts in {@code
 * src/test/resources/browser-site} on a free port; headless Chromium opens the home page, a long
 * post, a tag page, the tag index, the archive, the 404 page, a hostile post with its tag page, a
 * post with code in every language, a standalone page in the menu and search pages (results, the
 * hostile post found by a hostile query, no results), each at 375 and 1280 px in light and dark,
 * then the three feeds; the tests below judge what it saw. Screenshots of every page land in {@code
 * target/screenshots}.
 *
 * <p>Chromium must be installed ({@code apt-get install chromium}; {@code .ci/run} does it):
 * without it every test here fails with a message that says so. {@code
 * -DINKWELL_BROWSER_TESTS=skip} skips them on purpose.
 */
class BrowserChecksTest {

  static final String POST = "/2025/a-field-guide-to-serverless-blogging/";
  static final String HOSTILE = "/2025/hostile-html/";
  static final String HOSTILE_TAG =
      "/tags/" + Tag.of("<script>window.__pwned=1</script>").slug() + "/";
  static final String NOT_FOUND = "/no-such-page/";
  static final String CODE = CodeFixture.PATH;
  static final String ABOUT = "/about/";

  /** Search results with matches marked, and the hostile post found by a hostile query. */
  static final String SEARCH = "/search?q=serverless+blog";

  static final String SEARCH_HOSTILE =
      "/search?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E+%22onerror%22";
  static final String SEARCH_EMPTY = "/search?q=zeppelin+%3Cimg+src%3Dx%3E";

  /** Page visits: every page at 375 and 1280 px, light and dark. */
  static final int PAGES = 13;

  /**
   * The hostile post's {@code <img src=x onerror=...>}: the image must fail to load for onerror to
   * have a chance to fire, so its 404 (after the trailing-slash redirect) is expected there.
   */
  static final String HOSTILE_BROKEN_IMAGE = HOSTILE + "x/";

  /** What Chromium logs, as an error, for any document or resource that comes with a 404. */
  static final String NOT_FOUND_NOTE =
      "Failed to load resource: the server responded with a status of 404";

  private static final Path FIXTURE = fixture();
  private static BrowserReport report;
  private static String origin;
  private static Map<String, List<NuHtmlChecker.Error>> htmlErrors;

  /** Name of the document the Nu HTML Checker must find errors in: the home page, spoilt. */
  static final String HTML_CANARY = "canary";

  @BeforeAll
  static void openTheSiteInChromium() throws Exception {
    if (SiteChecksScript.skipped()) {
      System.out.println("Browser checks skipped: INKWELL_BROWSER_TESTS=skip");
    }
    assumeFalse(SiteChecksScript.skipped(), "browser checks skipped (INKWELL_BROWSER_TESTS=skip)");
    NuHtmlChecker nuHtmlChecker =
        NuHtmlChecker.locate(Path.of(System.getProperty("inkwell.projectDir", ".")));
    SiteChecksScript script =
        SiteChecksScript.locate()
            .page("home", "/")
            .page("post", POST)
            .page("tag", "/tags/serverless/")
            .page("tags", "/tags/")
            .page("archive", "/archive/")
            .page("not-found", NOT_FOUND)
            .page("hostile", HOSTILE)
            .page("hostile-tag", HOSTILE_TAG)
            .page("code", CODE)
            .page("about", ABOUT)
            .page("search", SEARCH)
            .page("search-hostile", SEARCH_HOSTILE)
            .page("search-empty", SEARCH_EMPTY)
            .feed("rss", "/feed.xml")
            .feed("atom", "/atom.xml")
            .feed("json", "/feed.json")
            .canary("/");
    Path target = Path.of(System.getProperty("inkwell.projectDir", "."), "target");
    try (PreviewServer server =
        PreviewServer.start(
            // The pages as the site function serves them: without the preview's live reload
            // (LiveReloadBrowserTest checks that).
            new PreviewOptions(
                FIXTURE.resolve("posts"), null, 0, "127.0.0.1", false, false, false))) {
      origin = server.url().substring(0, server.url().length() - 1);
      report = script.run(server.url(), target.resolve("screenshots"));
      htmlErrors =
          nuHtmlChecker.check(documents(script.pages()), target.resolve("nu-html-checker"));
    }
    System.out.printf(
        "Browser checks: %d visits in Chromium %s (playwright-core %s), %.1f s%n",
        report.visits().size(), report.browser(), report.playwright(), report.durationMs() / 1e3);
  }

  /**
   * Every page's HTML as the preview serves it, by page name, and the canary: the home page with a
   * stray {@code </p>} and a {@code <details>} without {@code <summary>} planted in it.
   */
  private static Map<String, String> documents(Map<String, String> pages)
      throws IOException, InterruptedException {
    Map<String, String> documents = new LinkedHashMap<>();
    HttpClient client = HttpClient.newHttpClient();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(origin + page.getValue())).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      documents.put(page.getKey(), response.body());
    }
    documents.put(
        HTML_CANARY,
        documents.get("home").replace("</main>", "</p><details>canary</details></main>"));
    return documents;
  }

  private static Path fixture() {
    try {
      return Path.of(
          Objects.requireNonNull(BrowserChecksTest.class.getResource("/browser-site")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- which visits ----

  private static List<Visit> visits(Predicate<Visit> which) {
    return report.visits().stream().filter(which).toList();
  }

  private static List<Visit> pages() {
    return visits(v -> v.kind().equals("page"));
  }

  private static List<Visit> feeds() {
    return visits(v -> v.kind().startsWith("feed"));
  }

  private static Visit canary(String kind) {
    return visits(v -> v.kind().equals(kind)).get(0);
  }

  /**
   * Asserts that {@code problems} finds nothing in any of {@code visits}; the failure lists every
   * visit with what was found.
   */
  private static void assertNone(
      String what, List<Visit> visits, Function<Visit, List<String>> problems) {
    assertThat(visits).as("visits to check for: " + what).isNotEmpty();
    List<String> found = new ArrayList<>();
    for (Visit visit : visits) {
      for (String problem : problems.apply(visit)) {
        found.add(visit.name() + ": " + problem);
      }
    }
    assertThat(found)
        .as("%s (%d found; screenshots in target/screenshots)", what, found.size())
        .isEmpty();
  }

  private static List<String> when(boolean problem, String description) {
    return problem ? List.of(description) : List.of();
  }

  // ---- loading ----

  @Test
  void everyPageOpensWithItsStatus() {
    assertThat(pages()).hasSize(PAGES * 4);
    assertNone(
        "pages that did not load as they should",
        report.visits(),
        v -> {
          List<String> problems = new ArrayList<>();
          if (v.error() != null) {
            problems.add("the browser script failed: " + v.error());
          }
          int expected = v.path().equals(NOT_FOUND) ? 404 : 200;
          if (v.status() == null || v.status() != expected) {
            problems.add("status " + v.status() + ", expected " + expected);
          }
          return problems;
        });
  }

  @Test
  void noPageLogsAConsoleError() {
    assertNone(
        "console errors and uncaught exceptions",
        visits(v -> !v.kind().startsWith("canary")),
        v -> {
          List<String> problems = new ArrayList<>(v.pageErrors());
          v.console().stream()
              .filter(m -> m.type().equals("error") && !expected(v, m))
              .forEach(m -> problems.add(m.text() + " (" + m.url() + ")"));
          return problems;
        });
  }

  /**
   * The console errors that are not the page's fault: Chromium's note that a document came with
   * status 404 (the 404 page's own, and the hostile post's deliberately broken image). The site's
   * icon answers, so Chromium's own request for /favicon.ico (for documents that name no icon, such
   * as the feeds) logs nothing.
   */
  private static boolean expected(Visit visit, ConsoleMessage message) {
    if (!message.text().startsWith(NOT_FOUND_NOTE)) {
      return false;
    }
    String url = message.url();
    return (visit.path().equals(NOT_FOUND) && url.equals(origin + NOT_FOUND))
        || (visit.path().equals(HOSTILE) && url.equals(origin + HOSTILE_BROKEN_IMAGE));
  }

  @Test
  void noPageViolatesTheContentSecurityPolicy() {
    assertNone(
        "Content-Security-Policy violations",
        visits(v -> !v.kind().startsWith("canary")),
        v -> {
          List<String> problems = new ArrayList<>();
          v.cspViolations()
              .forEach(
                  c ->
                      problems.add(c.directive() + " blocked " + c.blocked() + " in " + c.frame()));
          v.console().stream()
              .filter(m -> m.text().contains("Content Security Policy"))
              .forEach(m -> problems.add("console: " + m.text()));
          return problems;
        });
  }

  @Test
  void noRequestGoesToAnotherHost() {
    assertNone(
        "requests to hosts other than the preview",
        visits(v -> !v.kind().startsWith("canary")),
        v -> {
          Set<String> foreign =
              v.requests().stream()
                  .filter(url -> !url.startsWith(origin + "/"))
                  .collect(Collectors.toCollection(java.util.TreeSet::new));
          foreign.addAll(v.foreignRequests());
          return List.copyOf(foreign);
        });
  }

  // ---- layout ----

  @Test
  void noPageScrollsSideways() {
    assertNone(
        "pages wider than the window (document.documentElement.scrollWidth > clientWidth)",
        pages(),
        v ->
            when(
                v.facts().scrollWidth() > v.facts().clientWidth(),
                "scrollWidth "
                    + v.facts().scrollWidth()
                    + " > clientWidth "
                    + v.facts().clientWidth()
                    + "; sticking out: "
                    + v.facts().overflowing()));
    assertThat(visits(v -> v.width() == 375 && v.kind().equals("page"))).hasSize(PAGES * 2);
  }

  @Test
  void theHeaderFitsOnAPhoneOrWrapsCleanlyWithTheMenuOnEveryPage() {
    assertNone(
        "headers whose title or links overlap, break inside a label, or leave the window",
        pages(),
        v -> {
          List<String> problems = new ArrayList<>();
          List<BrowserReport.HeaderItem> items = v.facts().header();
          for (int i = 0; i < items.size(); i++) {
            BrowserReport.HeaderItem item = items.get(i);
            if (item.boxes() > 1) {
              problems.add("\"" + item.text() + "\" breaks across lines");
            }
            if (item.left() < -0.5 || item.right() > v.facts().clientWidth() + 0.5) {
              problems.add("\"" + item.text() + "\" leaves the window: " + item);
            }
            for (BrowserReport.HeaderItem other : items.subList(i + 1, items.size())) {
              if (item.overlaps(other)) {
                problems.add("\"" + item.text() + "\" overlaps \"" + other.text() + "\"");
              }
            }
          }
          return problems;
        });
    assertThat(pages())
        .allSatisfy(
            v ->
                assertThat(v.facts().header())
                    .as(v.name())
                    .extracting(BrowserReport.HeaderItem::text)
                    .endsWith("Home", "Tags", "Archive", "Feed", "About", "Now", "Uses"));
  }

  @Test
  void everyPageShowsItsMainText() {
    assertNone(
        "pages whose <main> has no text",
        pages(),
        v ->
            when(
                v.facts().mainTextLength() < 20, "main text length " + v.facts().mainTextLength()));
    assertThat(visits(v -> v.path().equals(POST)))
        .allSatisfy(v -> assertThat(v.facts().mainTextLength()).isGreaterThan(3000));
  }

  @Test
  void theColourSchemeAskedForIsTheOneShown() {
    assertNone(
        "pages not shown in the colour scheme emulated",
        pages(),
        v -> {
          boolean dark = v.scheme().equals("dark");
          double luminance = v.facts().pageBackgroundLuminance();
          return when(
              v.facts().darkSchemeMatches() != dark || (dark ? luminance > 0.1 : luminance < 0.8),
              "prefers-color-scheme: dark matches "
                  + v.facts().darkSchemeMatches()
                  + ", page background "
                  + v.facts().pageBackground());
        });
  }

  // ---- hostile content ----

  @Test
  void hostileContentNeverRuns() {
    assertThat(visits(v -> v.path().equals(HOSTILE) || v.path().equals(HOSTILE_TAG)))
        .hasSize(2 * 4);
    assertThat(feeds())
        .extracting(Visit::kind, Visit::path)
        .contains(
            tuple("feed", "/feed.xml"),
            tuple("feed-as-xml", "/feed.xml"),
            tuple("feed", "/atom.xml"),
            tuple("feed-as-xml", "/atom.xml"),
            tuple("feed", "/feed.json"));
    assertNone(
        "window.__pwned set, or script-capable markup in the page",
        visits(v -> !v.kind().startsWith("canary")),
        v -> {
          List<String> problems = new ArrayList<>();
          v.pwned()
              .forEach(m -> problems.add("window.__pwned = " + m.value() + " in " + m.frame()));
          problems.addAll(v.facts().dangerous());
          return problems;
        });
  }

  // ---- accessibility ----

  @Test
  void everyPageHasExactlyOneH1() {
    assertNone(
        "pages without exactly one <h1>",
        pages(),
        v -> when(v.facts().h1().size() != 1, v.facts().h1().size() + " h1: " + v.facts().h1()));
  }

  @Test
  void everyPageDeclaresItsLanguage() {
    assertNone(
        "pages without lang on <html>",
        pages(),
        v -> when(!"en".equals(v.facts().lang()), "lang=" + v.facts().lang()));
  }

  @Test
  void markdownImagesKeepTheirAltText() throws IOException {
    List<Image> expected = markdownImages(FIXTURE.resolve("posts" + POST.replaceAll("/$", ".md")));
    assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
    assertThat(visits(v -> v.path().equals(POST)))
        .hasSize(4)
        .allSatisfy(v -> assertThat(v.facts().images()).containsExactlyElementsOf(expected));
    assertNone(
        "images without an alt attribute",
        pages(),
        v -> v.facts().images().stream().filter(i -> i.alt() == null).map(Image::src).toList());
  }

  private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[([^\\]]+)]\\(([^)\\s]+)");

  private static List<Image> markdownImages(Path markdown) throws IOException {
    List<Image> images = new ArrayList<>();
    Matcher m = MARKDOWN_IMAGE.matcher(Files.readString(markdown));
    while (m.find()) {
      images.add(new Image(m.group(2), m.group(1)));
    }
    return images;
  }

  @Test
  void everyLinkIsReachableByTab() {
    assertNone(
        "links that Tab never reached",
        pages(),
        v -> {
          Set<Integer> reached =
              v.tabbed().stream().map(FocusStop::linkIndex).collect(Collectors.toSet());
          List<String> problems = new ArrayList<>();
          if (v.tabbed().isEmpty() || !"Skip to content".equals(v.tabbed().get(0).text())) {
            problems.add("the first Tab does not reach the skip link: " + v.tabbed());
          }
          v.facts().links().stream()
              .filter(link -> !reached.contains(link.index()))
              .forEach(link -> problems.add(link.href() + " " + link.text()));
          return problems;
        });
  }

  @Test
  void focusIsAlwaysVisible() {
    assertNone(
        "elements focused by Tab without a visible focus ring (outline, or a ring contrast"
            + " under 3:1)",
        pages(),
        v ->
            v.tabbed().stream()
                .filter(
                    stop ->
                        !stop.focusDrawn()
                            || (stop.outlineShown()
                                && stop.ringContrast() != null
                                && stop.ringContrast() < 3))
                .map(
                    stop ->
                        stop.tag()
                            + " \""
                            + stop.text()
                            + "\": outline "
                            + stop.outline()
                            + ", box-shadow "
                            + stop.boxShadow()
                            + ", ring contrast "
                            + stop.ringContrast())
                .toList());
  }

  @Test
  void textContrastPassesWcagAaInBothSchemes() {
    assertNone(
        "text below WCAG AA contrast (4.5:1, 3:1 for large text)",
        pages(),
        v -> {
          List<String> problems = new ArrayList<>();
          var contrast = v.facts().contrast();
          if (contrast.checked() == 0) {
            problems.add("no text was measured");
          }
          contrast
              .failures()
              .forEach(
                  f ->
                      problems.add(
                          f.element()
                              + " "
                              + f.color()
                              + " on "
                              + f.background()
                              + ": "
                              + f.ratio()
                              + ":1, needs "
                              + f.required()));
          contrast.unknown().forEach(u -> problems.add("colour not measurable: " + u));
          if (contrast.bodyText() == null || contrast.bodyText().ratio() < 4.5) {
            problems.add("body text: " + contrast.bodyText());
          }
          return problems;
        });
  }

  @Test
  void axeCoreFindsNoViolationOnAnyPage() {
    assertNone(
        "axe-core violations (WCAG 2.x A and AA, and best practices)",
        pages(),
        v -> {
          List<String> problems = new ArrayList<>();
          if (v.axe() == null || v.axe().passes() == 0) {
            problems.add("axe-core did not run: " + v.axe());
            return problems;
          }
          for (BrowserReport.AxeViolation violation : v.axe().violations()) {
            for (BrowserReport.AxeNode node : violation.nodes()) {
              problems.add(
                  violation.impact()
                      + " "
                      + violation.id()
                      + " ("
                      + violation.help()
                      + "): "
                      + node.target()
                      + " "
                      + node.html());
            }
          }
          return problems;
        });
  }

  @Test
  void theNuHtmlCheckerFindsNoErrorOnAnyPage() {
    Map<String, List<NuHtmlChecker.Error>> pagesOnly = new LinkedHashMap<>(htmlErrors);
    pagesOnly.remove(HTML_CANARY);
    assertThat(pagesOnly).as("pages checked").hasSize(PAGES);
    assertThat(pagesOnly.values().stream().flatMap(List::stream).map(Object::toString).toList())
        .as("Nu HTML Checker errors (documents in target/nu-html-checker)")
        .isEmpty();
  }

  // ---- highlighted code ----

  @Test
  void everyHighlightedBlockCopiesAsItsSourceExactly() {
    List<CodeFixture.Block> blocks = CodeFixture.blocks();
    assertThat(visits(v -> v.path().equals(CODE)))
        .hasSize(4)
        .allSatisfy(
            v -> {
              assertThat(v.facts().codeBlocks()).hasSameSizeAs(blocks);
              for (int i = 0; i < blocks.size(); i++) {
                assertThat(v.facts().codeBlocks().get(i).text())
                    .as("innerText of the %s block, %s", blocks.get(i).info(), v.name())
                    .isEqualTo(blocks.get(i).code());
              }
            });
  }

  @Test
  void highlightedCodeIsColoured() {
    assertThat(visits(v -> v.path().equals(CODE)))
        .allSatisfy(
            v ->
                assertThat(v.facts().codeTokenColours())
                    .as("distinct colours of code tokens, %s", v.name())
                    .hasSizeGreaterThanOrEqualTo(8));
  }

  // ---- screenshots ----

  @Test
  void everyPageWidthAndSchemeHasAScreenshot() {
    assertNone(
        "missing screenshots",
        pages(),
        v -> {
          List<String> problems = new ArrayList<>();
          if (v.screenshots().size() != 2) {
            problems.add("screenshots: " + v.screenshots());
          }
          for (String file : v.screenshots()) {
            try {
              if (Files.size(Path.of(file)) < 1000) {
                problems.add("tiny screenshot " + file);
              }
            } catch (IOException e) {
              problems.add("no screenshot " + file);
            }
          }
          return problems;
        });
  }

  @Test
  void theScreenshotsTheReadmeShowsExist() throws IOException {
    Path projectDir = Path.of(System.getProperty("inkwell.projectDir", "."));
    Matcher m =
        Pattern.compile("docs/screenshots/[\\w.-]+\\.png")
            .matcher(Files.readString(projectDir.resolve("README.md")));
    List<String> shown = new ArrayList<>();
    while (m.find()) {
      shown.add(m.group());
    }
    assertThat(shown).as("screenshots in the README").isNotEmpty();
    assertThat(shown).allSatisfy(file -> assertThat(projectDir.resolve(file)).isRegularFile());
  }

  // ---- the checks themselves ----

  /**
   * The canary visit plants one of every problem on the home page (an inline script, a request to
   * another host, a 3000 px wide box, faint text, a link with its outline removed, a second h1, a
   * console error, the marker itself) and a made-up feed carries an XHTML script: each check must
   * see its problem, or it would pass without looking.
   */
  @Test
  void theChecksSeeEveryProblemPlantedOnPurpose() {
    Visit canary = canary("canary");
    assertThat(canary.cspViolations())
        .as("the inline script is refused and reported")
        .anySatisfy(c -> assertThat(c.directive()).startsWith("script-src"));
    assertThat(canary.console())
        .extracting(ConsoleMessage::text)
        .as("console errors are recorded")
        .contains("canary console error");
    assertThat(canary.foreignRequests())
        .as("requests to other hosts are caught")
        .contains("https://foreign.invalid/canary.png");
    assertThat(canary.facts().scrollWidth())
        .as("sideways scrolling is measured")
        .isGreaterThan(canary.facts().clientWidth());
    assertThat(canary.facts().h1()).as("h1 elements are counted").hasSize(2);
    assertThat(canary.facts().contrast().failures())
        .as("faint text is caught")
        .anySatisfy(f -> assertThat(f.element()).contains("Faint text"));
    assertThat(canary.tabbed())
        .as("an invisible focus is caught")
        .anySatisfy(
            stop -> {
              assertThat(stop.text()).isEqualTo("Invisible focus");
              assertThat(stop.focusDrawn()).isFalse();
            });
    assertThat(canary.pwned())
        .as("the marker is read from the page, and the refused script did not run")
        .extracting(BrowserReport.Marker::value)
        .containsExactly("planted");
    assertThat(canary.facts().dangerous()).as("script elements are found").isNotEmpty();
    assertThat(canary.axe().violations())
        .as("axe-core runs and reports the unlabelled field")
        .extracting(BrowserReport.AxeViolation::id)
        .contains("label");
    assertThat(htmlErrors.get(HTML_CANARY))
        .as("the Nu HTML Checker reports the stray </p> and the <details> without <summary>")
        .extracting(NuHtmlChecker.Error::message)
        .anySatisfy(m -> assertThat(m).contains("“p” end tag"))
        .anySatisfy(m -> assertThat(m).contains("“summary”"));
    assertThat(canary("canary-feed").pwned())
        .as(
            "an XHTML script in a feed runs when the feed is shown as XML, so the feed view can"
                + " catch one")
        .extracting(BrowserReport.Marker::value)
        .containsExactly("xml-canary");
  }
}
