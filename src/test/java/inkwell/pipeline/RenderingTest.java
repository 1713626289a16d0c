package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown in, HTML out: CommonMark plus the GFM extensions, footnotes and heading ids. */
class RenderingTest {

  private static void assertRendering(String markdown, String expectedHtml) {
    String body = Pipelines.post("---\ntitle: T\n---\n" + markdown).bodyHtml();
    assertThat(body.strip()).isEqualTo(expectedHtml.strip());
  }

  @Test
  void paragraphsAndEmphasisFollowCommonMark() {
    assertRendering(
        "Hello *world* and **you**.", "<p>Hello <em>world</em> and <strong>you</strong>.</p>");
  }

  @Test
  void headingsGetGithubStyleIds() {
    assertRendering("## Why Java?", "<h2 id=\"why-java\">Why Java?</h2>");
  }

  @Test
  void repeatedHeadingsGetDistinctIds() {
    assertRendering(
        "## Notes\n\n## Notes", "<h2 id=\"notes\">Notes</h2>\n<h2 id=\"notes-1\">Notes</h2>");
  }

  @Test
  void fencedCodeKeepsItsLanguageClass() {
    assertRendering(
        "```text\nint x = 1 < 2 ? 1 : 0;\n```",
        "<pre tabindex=\"0\"><code class=\"language-text\">int x = 1 &lt; 2 ? 1 : 0;\n</code></pre>");
  }

  @Test
  void gfmTablesRenderWithAlignment() {
    assertRendering(
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "<table tabindex=\"0\">\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n"
            + "</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n"
            + "</tr>\n</tbody>\n</table>");
  }

  @Test
  void strikethroughRendersAsDel() {
    assertRendering("~~gone~~", "<p><del>gone</del></p>");
  }

  @Test
  void bareUrlsBecomeLinks() {
    assertRendering(
        "See https://example.com/x now.",
        "<p>See <a href=\"https://example.com/x\">https://example.com/x</a> now.</p>");
  }

  @Test
  void taskListsRenderDisabledCheckboxesLabelledWithTheirItem() {
    assertRendering(
        "- [x] done\n- [ ] todo",
        "<ul>\n<li><input type=\"checkbox\" checked aria-label=\"done\" disabled> done</li>\n"
            + "<li><input type=\"checkbox\" aria-label=\"todo\" disabled> todo</li>\n</ul>");
  }

  @Test
  void footnotesLinkBothWays() {
    String html = Pipelines.post("---\ntitle: T\n---\nText[^1].\n\n[^1]: The note.").bodyHtml();
    assertThat(html)
        .contains(
            "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref=\"\">1</a></sup>")
        .contains("<section class=\"footnotes\" data-footnotes=\"\">")
        .contains("<li id=\"fn-1\">")
        .contains("href=\"#fnref-1\" class=\"footnote-backref\"");
  }

  @Test
  void relativeAndFragmentLinksAreKept() {
    assertRendering(
        "[a](/about/) [b](../other/) [c](#top) [d](mailto:me@example.com)",
        "<p><a href=\"/about/\">a</a> <a href=\"../other/\">b</a> <a href=\"#top\">c</a>"
            + " <a href=\"mailto:me@example.com\">d</a></p>");
  }

  @Test
  void imagesKeepTheirAltText() {
    assertRendering(
        "![A red fox](/img/fox.jpg \"Fox\")",
        "<p><img src=\"/img/fox.jpg\" alt=\"A red fox\" title=\"Fox\"></p>");
  }

  @Test
  void blockquotesAndNestedListsRender() {
    assertRendering(
        "> quoted\n\n1. one\n   - inner",
        "<blockquote>\n<p>quoted</p>\n</blockquote>\n<ol>\n<li>one\n<ul>\n<li>inner</li>\n</ul>\n</li>\n</ol>");
  }

  @Test
  void harmlessRawHtmlIsKept() {
    assertRendering("<kbd>Ctrl</kbd>+<kbd>C</kbd>", "<p><kbd>Ctrl</kbd>+<kbd>C</kbd></p>");
  }

  @Test
  void tableOfContentsListsLevelsTwoToFour() {
    var post =
        Pipelines.post("---\ntitle: T\n---\n## One\n### One a\n#### Deep\n##### Too deep\n## Two");
    assertThat(post.toc())
        .extracting(e -> e.level() + " " + e.id() + " " + e.text())
        .containsExactly("2 one One", "3 one-a One a", "4 deep Deep", "2 two Two");
  }
}
