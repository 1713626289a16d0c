package inkwell.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code src/test/browser/site-checks.mjs} saw in Chromium, read back from its JSON. The
 * script measures and reports; {@link BrowserChecksTest} judges. Unknown fields fail the read, so
 * the two cannot drift apart unnoticed.
 */
record BrowserReport(String browser, String playwright, long durationMs, List<Visit> visits) {

  static BrowserReport read(Path json) throws IOException {
    return new ObjectMapper().readValue(json.toFile(), BrowserReport.class);
  }

  /**
   * One page (or feed) opened at one viewport in one colour scheme.
   *
   * @param kind {@code page}, {@code feed} (as served), {@code feed-as-xml} (the same bytes
   *     rendered as an XML document), {@code canary} or {@code canary-feed} (the self-test)
   * @param tabbed every element that got focus while Tab was pressed round the page, in order
   * @param facts measured in the page after it loaded; for feeds only the document type and
   *     dangerous elements
   */
  record Visit(
      String kind,
      String page,
      String path,
      String viewport,
      int width,
      String scheme,
      Integer status,
      List<ConsoleMessage> console,
      List<String> pageErrors,
      List<CspViolation> cspViolations,
      List<String> requests,
      List<String> foreignRequests,
      List<FailedResponse> failedResponses,
      List<FailedRequest> failedRequests,
      List<Marker> pwned,
      List<FocusStop> tabbed,
      Facts facts,
      Axe axe,
      List<String> screenshots,
      String error) {

    /** "post at 375 px, dark", for assertion messages. */
    String name() {
      return kind.startsWith("feed") ? kind + " " + path : page + " at " + width + " px, " + scheme;
    }
  }

  record ConsoleMessage(String type, String text, String url) {}

  record CspViolation(
      String directive, String blocked, String source, String sample, String frame) {}

  record FailedResponse(String url, int status) {}

  record FailedRequest(String url, String error) {}

  /** window.__pwned found set, in a frame. */
  record Marker(String frame, String value) {}

  record FocusStop(
      int linkIndex,
      String tag,
      String href,
      String text,
      boolean focusVisible,
      String outline,
      boolean outlineShown,
      String boxShadow,
      Double ringContrast,
      boolean onScreen) {

    boolean focusDrawn() {
      return outlineShown || (boxShadow != null && !boxShadow.equals("none"));
    }
  }

  record Facts(
      String documentType,
      String title,
      Boolean darkSchemeMatches,
      String pageBackground,
      Double pageBackgroundLuminance,
      String lang,
      List<String> h1,
      Integer mainTextLength,
      Integer scrollWidth,
      Integer clientWidth,
      List<String> overflowing,
      List<Image> images,
      List<Link> links,
      List<String> dangerous,
      Contrast contrast,
      List<CodeBlock> codeBlocks,
      List<HeaderItem> header,
      List<String> codeTokenColours) {}

  /**
   * The site title or a header menu link, where it was drawn (CSS pixels from the window's top
   * left); {@code boxes} is more than 1 when its own text broke across lines.
   */
  record HeaderItem(String text, double left, double top, double right, double bottom, int boxes) {

    boolean overlaps(HeaderItem other) {
      return left < other.right - 0.5
          && other.left < right - 0.5
          && top < other.bottom - 0.5
          && other.top < bottom - 0.5;
    }
  }

  record Image(String src, String alt) {}

  /** A {@code pre > code} in main: its class and its {@code innerText}, what a reader copies. */
  record CodeBlock(String className, String text) {}

  /** What axe-core found in the page: how many rules passed, and every rule violated. */
  record Axe(String version, int passes, List<AxeViolation> violations) {}

  record AxeViolation(String id, String impact, String help, List<AxeNode> nodes) {}

  record AxeNode(String target, String html, String summary) {}

  record Link(int index, String href, String text) {}

  /**
   * Colour contrast of every element with text of its own.
   *
   * @param bodyText the longest paragraph in main, the page's body text
   * @param unknown elements whose colours could not be read (a background image, say)
   */
  record Contrast(
      int checked,
      List<ContrastEntry> failures,
      List<String> unknown,
      ContrastEntry bodyText,
      ContrastEntry lowest) {}

  record ContrastEntry(
      String element, String color, String background, double ratio, Double required) {}
}
