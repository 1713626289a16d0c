package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hugo shortcodes, Jekyll Liquid and kramdown attribute lists: rendered where Inkwell can, and
 * otherwise dropped with a warning at their line and column; never printed as source.
 */
class TemplatesTest {

  private static final PostPipeline HUGO =
      PostPipeline.builder().permalinks(Permalinks.hugo(Map.of(), false)).build();
  private static final PostPipeline JEKYLL =
      PostPipeline.builder().permalinks(Permalinks.jekyll("pretty")).build();

  private static ParseResult.Parsed run(PostPipeline pipeline, String body) {
    String text = "---\ntitle: T\nmood: calm\n---\n" + body;
    ParseResult result =
        pipeline.parse(
            new Source(
                "posts/posts/2024-03-05-t.md",
                text.getBytes(StandardCharsets.UTF_8),
                Pipelines.LAST_MODIFIED));
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return (ParseResult.Parsed) result;
  }

  private static String html(PostPipeline pipeline, String body) {
    return run(pipeline, body).post().bodyHtml();
  }

  private static List<String> warnings(PostPipeline pipeline, String body) {
    return run(pipeline, body).warnings().stream()
        .filter(w -> w.kind() == Kind.TEMPLATE_NOT_RENDERED)
        .map(w -> w.line() + ":" + w.column() + " " + w.message())
        .toList();
  }

  @Nested
  class HugoShortcodes {

    @Test
    void youtubeBecomesALinkToTheVideo() {
      assertThat(html(HUGO, "{{< youtube w7Ft2ymGmfc >}}\n"))
          .isEqualTo(
              "<p><a href=\"https://www.youtube.com/watch?v=w7Ft2ymGmfc\">Watch on YouTube"
                  + " (YouTube)</a></p>\n");
    }

    @Test
    void namedArgumentsWork() {
      assertThat(html(HUGO, "{{< youtube id=\"abc\" title=\"My talk\" >}}\n"))
          .contains("href=\"https://www.youtube.com/watch?v=abc\">My talk (YouTube)</a>");
    }

    @Test
    void vimeoXAndGistBecomeLinks() {
      assertThat(html(HUGO, "{{< vimeo 146022717 >}}\n"))
          .contains("href=\"https://vimeo.com/146022717\"");
      assertThat(html(HUGO, "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n"))
          .contains("href=\"https://x.com/SanDiegoZoo/status/1453110110599868418\"");
      assertThat(html(HUGO, "{{< gist spf13 7896402 >}}\n"))
          .contains("href=\"https://gist.github.com/spf13/7896402\"");
    }

    @Test
    void figureBecomesAFigureWithItsCaption() {
      assertThat(
              html(HUGO, "{{< figure src=\"/img/a.png\" alt=\"A cat\" caption=\"Our cat\" >}}\n"))
          .isEqualTo(
              "<figure><img src=\"/img/a.png\" alt=\"A cat\"><figcaption>Our cat</figcaption></figure>\n");
    }

    @Test
    void highlightBecomesAHighlightedCodeBlock() {
      String html =
          html(HUGO, "{{< highlight go \"linenos=true\" >}}\nfunc main() {}\n{{< /highlight >}}\n");
      assertThat(html).contains("<code class=\"language-go linenos\">").contains("class=\"line\"");
      assertThat(html).doesNotContain("{{");
    }

    @Test
    void paramShowsTheFrontMattersField() {
      assertThat(html(HUGO, "I feel {{< param mood >}}.\n")).isEqualTo("<p>I feel calm.</p>\n");
    }

    @Test
    void refLinksToThePostsAddress() {
      assertThat(html(HUGO, "[other]({{< ref \"posts/other_one.md\" >}})\n"))
          .isEqualTo("<p><a href=\"/posts/other-one/\">other</a></p>\n");
    }

    @Test
    void anUnknownShortcodeShowsItsInnerContentAndIsReported() {
      String body = "Intro.\n\n{{% notice tip %}}\nBe **kind**.\n{{% /notice %}}\n";
      assertThat(html(HUGO, body)).isEqualTo("<p>Intro.</p>\n<p>Be <strong>kind</strong>.</p>\n");
      assertThat(warnings(HUGO, body))
          .containsExactly(
              "7:1 Hugo shortcode \"notice\" is not rendered (not one of Hugo's built-in"
                  + " shortcodes); the page shows its inner content");
    }

    @Test
    void aSelfClosingUnknownShortcodeLeavesNothing() {
      assertThat(html(HUGO, "A {{< socials />}} B\n")).isEqualTo("<p>A  B</p>\n");
    }

    @Test
    void theEscapedFormIsShownAsWritten() {
      assertThat(html(HUGO, "Write `x` as {{</* youtube x */>}}.\n"))
          .isEqualTo("<p>Write <code>x</code> as {{&lt; youtube x &gt;}}.</p>\n");
    }

    @Test
    void laterWarningsKeepTheirLines() {
      String body = "{{< highlight go >}}\na\nb\n{{< /highlight >}}\n\n<img src=\"x.png\">\n";
      assertThat(run(HUGO, body).warnings())
          .extracting(PostError::kind, PostError::line)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.IMAGE_WITHOUT_ALT, 10));
    }
  }

  @Nested
  class JekyllLiquid {

    @Test
    void highlightWithLinenosBecomesANumberedCodeBlock() {
      String html = html(JEKYLL, "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n");
      assertThat(html)
          .contains("<code class=\"language-ruby linenos\">")
          .contains("class=\"line\"");
    }

    @Test
    void rawKeepsItsContentAsWritten() {
      assertThat(html(JEKYLL, "{% raw %}Use {{ page.title }} here.{% endraw %}\n"))
          .isEqualTo("<p>Use {{ page.title }} here.</p>\n");
    }

    @Test
    void siteBaseurlAndRelativeUrlLeaveAPathOnThisSite() {
      assertThat(
              html(JEKYLL, "![a]({{ site.baseurl }}/img/a.png) [b]({{ '/b/' | relative_url }})\n"))
          .isEqualTo("<p><img src=\"/img/a.png\" alt=\"a\"> <a href=\"/b/\">b</a></p>\n");
    }

    @Test
    void postUrlLinksToTheOtherPostsAddress() {
      assertThat(html(JEKYLL, "[x]({% post_url 2023-01-02-new_year %})\n"))
          .isEqualTo("<p><a href=\"/2023/01/02/new-year/\">x</a></p>\n");
    }

    @Test
    void pageTitleIsTheTitle() {
      assertThat(html(JEKYLL, "This is {{ page.title }}.\n")).isEqualTo("<p>This is T.</p>\n");
    }

    @Test
    void includeIsDroppedAndReportedWhereItIs() {
      String body = "One.\n\n{% include gallery id=\"g\" caption=\"`a`\" %}\n";
      assertThat(html(JEKYLL, body)).isEqualTo("<p>One.</p>\n");
      assertThat(warnings(JEKYLL, body))
          .containsExactly(
              "7:1 {% include gallery id=\"g\" caption=\"`a`\" %} is not rendered: Inkwell has no"
                  + " theme includes, so the page shows nothing in its place");
    }

    @Test
    void aForBlockIsDroppedWholeAndReported() {
      String body = "{% for p in site.posts %}\n- {{ p.title }}\n{% endfor %}\nAfter.\n";
      assertThat(html(JEKYLL, body)).isEqualTo("<p>After.</p>\n");
      assertThat(warnings(JEKYLL, body))
          .hasSize(1)
          .first()
          .asString()
          .startsWith("5:1 Liquid {% for %}");
    }

    @Test
    void commentsVanishSilently() {
      assertThat(html(JEKYLL, "A{% comment %} note {% endcomment %}B\n")).isEqualTo("<p>AB</p>\n");
      assertThat(warnings(JEKYLL, "A{% comment %} note {% endcomment %}B\n")).isEmpty();
    }

    @Test
    void kramdownAttributeListsAndTheTocMarkerAreRemoved() {
      String body =
          "* TOC\n{:toc}\n\n[a](https://a.example){:target=\"_blank\"}\n\nText.\n{: .note}\n";
      assertThat(html(JEKYLL, body))
          .isEqualTo("<p><a href=\"https://a.example\">a</a></p>\n<p>Text.</p>\n");
    }

    @Test
    void attributeListsInCodeStay() {
      assertThat(html(JEKYLL, "```rust\nprintln!(\"{:?}\", x);\n```\n")).contains("{:?}");
    }
  }

  @Nested
  class PlainFolders {

    private final PostPipeline plain = PostPipeline.create();

    @Test
    void shortcodesAndLiquidAreRenderedOutsideCode() {
      assertThat(html(plain, "{{< youtube abc >}}\n"))
          .contains("https://www.youtube.com/watch?v=abc");
      assertThat(html(plain, "{% raw %}x{% endraw %}\n")).isEqualTo("<p>x</p>\n");
    }

    @Test
    void anOutputThatIsNoJekyllVariableStaysText() {
      assertThat(html(plain, "Mustache writes {{ name }}; Jekyll {{ site.baseurl }}/x.\n"))
          .isEqualTo("<p>Mustache writes {{ name }}; Jekyll /x.</p>\n");
    }

    @Test
    void codeAboutTemplatesIsLeftAlone() {
      assertThat(html(plain, "`{{< youtube abc >}}` and `{% raw %}`\n"))
          .isEqualTo("<p><code>{{&lt; youtube abc &gt;}}</code> and <code>{% raw %}</code></p>\n");
    }
  }

  @Nested
  class RawHtml {

    private final PostPipeline plain = PostPipeline.create();

    @Test
    void anIframeBecomesALinkToWhatItShowed() {
      assertThat(
              html(
                  plain,
                  "<iframe width=\"560\" src=\"https://www.youtube.com/embed/abc?si=x\""
                      + " title=\"My talk\"></iframe>\n"))
          .isEqualTo(
              "<p><a href=\"https://www.youtube.com/watch?v=abc\">My talk (youtube.com)</a></p>\n");
    }

    @Test
    void videoAndAudioWithControlsStay() {
      assertThat(html(plain, "<video controls src=\"/media/a.mp4\"></video>\n"))
          .isEqualTo("<p><video controls=\"\" src=\"/media/a.mp4\"></video></p>\n");
      assertThat(
              html(
                  plain,
                  "<audio controls><source src=\"https://x.example/a.mp3\" type=\"audio/mpeg\"></audio>\n"))
          .isEqualTo(
              "<p><audio controls=\"\"><source src=\"https://x.example/a.mp3\" type=\"audio/mpeg\"></audio></p>\n");
    }

    @Test
    void aRemovedElementIsReportedWhereItIs() {
      ParseResult.Parsed parsed = run(plain, "Text.\n\n<object data=\"x.swf\"></object>\n");
      assertThat(parsed.warnings())
          .extracting(w -> w.kind() + " " + w.line() + ":" + w.column() + " " + w.message())
          .containsExactly(
              "HTML_REMOVED 7:1 <object> is removed: the page allows no object element (what it"
                  + " holds that is allowed stays)");
    }
  }
}
