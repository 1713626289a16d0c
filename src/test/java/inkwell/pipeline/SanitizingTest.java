package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Raw HTML in posts is cleaned: nothing that runs, loads frames or styles survives. */
class SanitizingTest {

  private static String body(String markdown) {
    return Pipelines.post("---\ntitle: T\n---\n" + markdown).bodyHtml().strip();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object>",
        "<embed src=\"x.swf\">",
        "<style>body{display:none}</style>",
        "<form action=\"/x\"><button>go</button></form>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<link rel=stylesheet href=x.css>",
        "<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
      })
  void dangerousElementsAreRemoved(String html) {
    String body = body("Before\n\n" + html + "\n\nAfter");
    assertThat(body).contains("Before", "After");
    assertThat(body.toLowerCase())
        .doesNotContain(
            "<script",
            "<iframe",
            "<object",
            "<embed",
            "<style",
            "<form",
            "<svg",
            "<math",
            "<link",
            "<meta",
            "<base",
            "alert(1)",
            "display:none");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "[x](javascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](vbscript:msgbox)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
      })
  void dangerousLinkUrlsAreDropped(String markdown) {
    String body = body(markdown);
    assertThat(body.toLowerCase()).doesNotContain("javascript", "vbscript", "data:", "href=\"&");
    assertThat(body).contains(">x</a>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=\"i\">",
        "![i](data:image/png;base64,iVBORw0KGgo=)",
        "<img src=\"javascript:alert(1)\" alt=\"i\">",
      })
  void dangerousImageUrlsAreDroppedAndTheAltTextTakesTheImagesPlace(String markdown) {
    String body = body(markdown);
    assertThat(body.toLowerCase()).doesNotContain("data:", "javascript", "onload", "<img");
    assertThat(body.strip()).isIn("i", "<p>i</p>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<img src=\"/a.png\" alt=\"i\" onerror=\"alert(1)\">",
        "<p onclick=\"alert(1)\">i</p>",
        "<a href=\"/x\" onmouseover=\"alert(1)\">i</a>",
        "<div style=\"background:url(javascript:alert(1))\">i</div>",
        "<details ontoggle=\"alert(1)\" open>i</details>",
      })
  void eventHandlersAndInlineStylesAreStripped(String html) {
    String body = body(html);
    assertThat(body.toLowerCase())
        .doesNotContain("onerror", "onclick", "onmouseover", "style=", "ontoggle", "alert");
    assertThat(body).contains("i");
  }

  @Test
  void rawHtmlCannotAddFormControlsOnlyDisabledCheckboxes() {
    assertThat(body("<input type=\"text\" name=\"q\">x")).isEqualTo("<p>x</p>");
    assertThat(body("<input type=\"checkbox\" name=\"q\"> task"))
        .isEqualTo("<p><input type=\"checkbox\" aria-label=\"task\" disabled> task</p>");
  }

  @Test
  void frontMatterValuesStayPlainTextAndNeverReachTheBody() {
    Post post =
        Pipelines.post(
            "---\ntitle: \"<script>alert(1)</script> & co\"\nsummary: \"<b>bold</b>\"\n"
                + "tags: [\"<img src=x onerror=alert(1)>\"]\n---\nBody.");
    assertThat(post.title()).isEqualTo("<script>alert(1)</script> & co");
    assertThat(post.summary()).isEqualTo("<b>bold</b>");
    assertThat(post.tags().get(0).slug()).matches("[a-z0-9-]+");
    assertThat(post.bodyHtml()).isEqualTo("<p>Body.</p>\n");
  }

  @Test
  void inferredTitlesAreTextNotMarkup() {
    Post post = Pipelines.post("# Hello <em>there</em> & *you*\n\nBody.");
    assertThat(post.title()).isEqualTo("Hello there & you");
  }

  @Nested
  class TheOutputIsValidHtmlWhateverTheAuthorWrote {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "an img without src becomes its alt text   | a <img alt=\"no source\"> b"
              + " | <p>a no source b</p>",
          "an img without src or alt goes            | a <img> b | <p>a  b</p>",
          "an img without alt gets an empty one      | a <img src=\"/m/x.png\"> b"
              + " | <p>a <img src=\"/m/x.png\" alt=\"\"> b</p>",
          "details without summary gets one          | <details>text</details>"
              + " | <details><summary>Details</summary>text</details>",
          "a summary not first moves to the front    | <details>text<summary>S</summary></details>"
              + " | <details><summary>S</summary>text</details>",
          "a table the cleaner left inside a p       | <p><math><mtext><table></table></mtext></math></p>"
              + " | <p></p><table tabindex=\"0\"></table><p></p>",
          "a stray end tag, read as a browser reads it | a</p>b | <p>a</p>b<p></p>",
        })
    void rawHtmlIsRepaired(String what, String markdown, String expected) {
      assertThat(body(markdown)).isEqualTo(expected);
    }

    @Test
    void theHostilePostParsesBackToItself() throws IOException {
      String markdown;
      try (InputStream in =
          SanitizingTest.class.getResourceAsStream("/browser-site/posts/2025/hostile-html.md")) {
        markdown = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      }
      String html = Pipelines.post(markdown).bodyHtml();
      assertThat(new HtmlSanitizer().clean(html)).isEqualTo(html);
    }
  }
}
