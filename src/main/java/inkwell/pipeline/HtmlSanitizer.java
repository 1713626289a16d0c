package inkwell.pipeline;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans rendered post HTML with jsoup's {@link Safelist}: the formatting, table, image and code
 * markup Markdown produces, plus the attributes that footnotes, task lists and heading anchors
 * need, and the token classes of highlighted code on {@code span}. Everything else goes: {@code
 * script}, {@code style}, {@code iframe}, {@code object}, forms, event handler attributes, inline
 * styles, and URLs other than http, https, mailto, relative paths and {@code #fragments} (so {@code
 * javascript:}, {@code vbscript:} and {@code data:}, entity-encoded or not, are dropped).
 * Thread-safe.
 */
final class HtmlSanitizer {

  /** Only used to let relative URLs pass the protocol check; never written out. */
  private static final String BASE_URI = "https://inkwell.invalid/";

  private final CodeTokenSafelist safelist = new CodeTokenSafelist(Safelist.relaxed());

  {
    safelist
        .addTags(
            "del",
            "s",
            "ins",
            "mark",
            "kbd",
            "samp",
            "var",
            "abbr",
            "dfn",
            "hr",
            "section",
            "input",
            "figure",
            "figcaption",
            "details",
            "summary",
            "time",
            "video",
            "audio",
            "source",
            "track")
        .addAttributes("h1", "id")
        .addAttributes("h2", "id")
        .addAttributes("h3", "id")
        .addAttributes("h4", "id")
        .addAttributes("h5", "id")
        .addAttributes("h6", "id")
        .addAttributes("a", "id", "class", "aria-label", "data-footnote-ref")
        .addAttributes("a", "data-footnote-backref", "data-footnote-backref-idx")
        .addAttributes("sup", "id", "class")
        .addAttributes("li", "id")
        .addAttributes("section", "class", "data-footnotes")
        .addAttributes("code", "class")
        .addAttributes("span", "class")
        .addAttributes("th", "align")
        .addAttributes("td", "align")
        .addAttributes("img", "loading")
        .addAttributes("abbr", "title")
        .addAttributes("time", "datetime")
        .addAttributes("details", "open")
        .addAttributes("input", "type", "checked", "aria-label")
        .addEnforcedAttribute("input", "disabled", "disabled")
        .addAttributes(
            "video",
            "src",
            "controls",
            "poster",
            "width",
            "height",
            "preload",
            "loop",
            "muted",
            "playsinline")
        .addAttributes("audio", "src", "controls", "preload", "loop", "muted")
        .addAttributes("source", "src", "type")
        .addAttributes("track", "src", "kind", "srclang", "label", "default")
        .addProtocols("video", "src", "https")
        .addProtocols("video", "poster", "https")
        .addProtocols("audio", "src", "https")
        .addProtocols("source", "src", "https")
        .addProtocols("track", "src", "https")
        .addProtocols("a", "href", "#")
        .preserveRelativeLinks(true);
  }

  private final Document.OutputSettings output =
      new Document.OutputSettings().prettyPrint(false).charset("UTF-8");

  /** Round trips at most; the second pass is stable for everything the tests throw at it. */
  private static final int MAX_PASSES = 4;

  /**
   * Clean, repaired HTML that parses back to itself. The cleaner can leave a tree that the HTML
   * parser would build differently ({@code <p><math><table>} loses its {@code math}, and a {@code
   * <table>} inside a {@code <p>} is read by a browser as a closed {@code p}, a table, and a stray
   * {@code </p>}): so the output is parsed and cleaned again until it comes out the same, and what
   * a browser builds is what was cleaned.
   */
  String clean(String html) {
    String previous = html;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String cleaned = pass(previous);
      if (cleaned.equals(previous)) {
        return cleaned;
      }
      previous = cleaned;
    }
    return previous;
  }

  /**
   * {@link #clean} for HTML that commonmark rendered from a tree without raw HTML (no HTML block,
   * no inline HTML): one pass. Every element then comes from a renderer that nests only what the
   * HTML parser reads back as written, so the confirming pass of {@link #clean} would only repeat
   * the first, at a fifth of the post's render time ({@code RenderedHtmlTest} checks generated
   * posts of every Markdown construct against {@link #clean}).
   */
  String cleanRendered(String html) {
    return pass(html);
  }

  /** True if raw HTML's {@code tagName} elements stay (with their safe attributes). */
  boolean keepsTag(String tagName) {
    return safelist.keeps(tagName);
  }

  private String pass(String html) {
    Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(html, BASE_URI));
    HtmlRepairs.apply(clean.body());
    clean.outputSettings(output);
    return clean.body().html();
  }

  /**
   * Keeps {@code class} on a {@code span} only when it is one {@link TokenClass}: the highlighter's
   * markup passes, an author's {@code <span class="preview-banner">} loses its class.
   */
  private static final class CodeTokenSafelist extends Safelist {
    CodeTokenSafelist(Safelist base) {
      super(base);
    }

    boolean keeps(String tagName) {
      return isSafeTag(tagName);
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
      if (tagName.equals("span") && attr.getKey().equalsIgnoreCase("class")) {
        return TokenClass.isCodeClass(attr.getValue());
      }
      return super.isSafeAttribute(tagName, el, attr);
    }
  }
}
