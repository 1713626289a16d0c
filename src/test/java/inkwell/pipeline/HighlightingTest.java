package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fenced code coloured at publish time: token spans, languages and aliases, the text kept. */
class HighlightingTest {

  private static String body(String markdown) {
    return Pipelines.post("---\ntitle: T\n---\n" + markdown).bodyHtml().strip();
  }

  private static void assertHighlighting(String markdown, String expectedHtml) {
    assertThat(body(markdown)).isEqualTo(expectedHtml);
  }

  @Nested
  class Tokens {

    @Test
    void javaKeywordsTypesNumbersAndCommentsGetTheirClasses() {
      assertHighlighting(
          "```java\nint x = 1; // one\n```",
          "<pre tabindex=\"0\"><code class=\"language-java\"><span class=\"tok-type\">int</span> x <span"
              + " class=\"tok-operator\">=</span> <span class=\"tok-number\">1</span>; <span"
              + " class=\"tok-comment\">// one</span>\n</code></pre>");
    }

    @Test
    void aStringSpansItsQuotesAndIsEscaped() {
      assertHighlighting(
          "```js\nlet s = \"<b> & 😀\";\n```",
          "<pre tabindex=\"0\"><code class=\"language-js\"><span class=\"tok-keyword\">let</span> s <span"
              + " class=\"tok-operator\">=</span> <span class=\"tok-string\">\"&lt;b&gt; &amp;"
              + " 😀\"</span>;\n</code></pre>");
    }

    @Test
    void markupTagsAttributesAndValuesGetTheirClasses() {
      assertHighlighting(
          "```html\n<p class=\"x\">hi</p>\n```",
          "<pre tabindex=\"0\"><code class=\"language-html\"><span class=\"tok-punctuation\">&lt;</span><span"
              + " class=\"tok-tag\">p</span> <span class=\"tok-attribute\">class</span><span"
              + " class=\"tok-operator\">=</span><span class=\"tok-string\">\"x\"</span><span"
              + " class=\"tok-punctuation\">&gt;</span>hi<span"
              + " class=\"tok-punctuation\">&lt;/</span><span class=\"tok-tag\">p</span><span"
              + " class=\"tok-punctuation\">&gt;</span>\n</code></pre>");
    }

    @Test
    void aCommentOpenOnOneLineStaysACommentOnTheNext() {
      assertHighlighting(
          "```c\n/* one\ntwo */ int\n```",
          "<pre tabindex=\"0\"><code class=\"language-c\"><span class=\"tok-comment\">/* one</span>\n<span"
              + " class=\"tok-comment\">two */</span> <span class=\"tok-type\">int</span>\n"
              + "</code></pre>");
    }

    @Test
    void neighbouringTokensOfOneClassShareASpan() {
      assertHighlighting(
          "```go\nf()\n```",
          "<pre tabindex=\"0\"><code class=\"language-go\">f<span class=\"tok-punctuation\">()</span>\n"
              + "</code></pre>");
    }
  }

  @Nested
  class ShellSessionsAndDiffs {

    @Test
    void aConsoleBlockMarksPromptsReadsCommandsAsShellAndLeavesOutputPlain() {
      assertHighlighting(
          "```console\n$ echo \"hi\"\nhi\n```",
          "<pre tabindex=\"0\"><code class=\"language-console\"><span class=\"tok-prompt\">$ </span><span"
              + " class=\"tok-function\">echo</span> <span class=\"tok-string\">\"hi\"</span>\n"
              + "hi\n</code></pre>");
    }

    @Test
    void aCommandContinuedWithABackslashIsShellOnItsNextLineToo() {
      assertHighlighting(
          "```console\n$ ls \\\n  \"x\"\n\"out\"\n```",
          "<pre tabindex=\"0\"><code class=\"language-console\"><span class=\"tok-prompt\">$ </span><span"
              + " class=\"tok-function\">ls</span> \\\n  <span"
              + " class=\"tok-string\">\"x\"</span>\n\"out\"\n</code></pre>");
    }

    @Test
    void aShBlockThatStartsWithAPromptIsReadAsASession() {
      assertThat(body("```sh\n$ ls\nREADME.md\n```"))
          .contains("<span class=\"tok-prompt\">$ </span>")
          .contains("\nREADME.md\n");
    }

    @Test
    void diffLinesAreMarkedByTheirFirstCharacter() {
      assertHighlighting(
          "```diff\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n same\n-old\n+new\n```",
          "<pre tabindex=\"0\"><code class=\"language-diff\"><span class=\"tok-meta\">--- a/x</span>\n<span"
              + " class=\"tok-meta\">+++ b/x</span>\n<span class=\"tok-meta\">@@ -1 +1"
              + " @@</span>\n same\n<span class=\"tok-deleted\">-old</span>\n<span"
              + " class=\"tok-inserted\">+new</span>\n</code></pre>");
    }

    @Test
    void aDiffWithoutHeadersStillMarksInsertionsAndDeletions() {
      assertHighlighting(
          "```diff\n-old\n+new\n```",
          "<pre tabindex=\"0\"><code class=\"language-diff\"><span class=\"tok-deleted\">-old</span>\n<span"
              + " class=\"tok-inserted\">+new</span>\n</code></pre>");
    }
  }

  @Nested
  class LineNumbersAndMarkedLines {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "go {linenos=true}                    | true  | {}",
          "go {linenos=table}                   | true  | {}",
          "go {linenos=false}                   | false | {}",
          "go {hl_lines=[2,\"4-6\"]}            | false | {2, 4, 5, 6}",
          "go {hl_lines=\"2 4-6\"}              | false | {2, 4, 5, 6}",
          "go {linenos=true, hl_lines=[1]}      | true  | {1}",
          "go {hl_lines=[99999999999, 3-1, 0]}  | false | {}",
          "go                                   | false | {}",
          "go {style=monokai}                   | false | {}"
        })
    void hugosOptionsAreReadFromTheInfoString(String info, boolean numbers, String marked) {
      CodeOptions options = CodeOptions.parse(info);
      assertThat(options.lineNumbers()).isEqualTo(numbers);
      assertThat(options.marked()).hasToString(marked);
    }

    @Test
    void numberedLinesAreWrappedOneByOneAndMarkedLinesCarryHl() {
      assertHighlighting(
          "```go {linenos=true, hl_lines=[2]}\nx := 1\n\ny\n```",
          "<pre tabindex=\"0\"><code class=\"language-go linenos\"><span class=\"line\">x <span"
              + " class=\"tok-operator\">:=</span> <span class=\"tok-number\">1</span></span>\n"
              + "<span class=\"line hl\"></span>\n<span class=\"line\">y</span>\n</code></pre>");
    }

    @Test
    void aCommentOverSeveralLinesIsCutAtEachLine() {
      assertHighlighting(
          "```c {hl_lines=[1]}\n/* a\nb */\n```",
          "<pre tabindex=\"0\"><code class=\"language-c\"><span class=\"line hl\"><span"
              + " class=\"tok-comment\">/* a</span></span>\n<span class=\"line\"><span"
              + " class=\"tok-comment\">b */</span></span>\n</code></pre>");
    }

    @Test
    void optionsWrapTheLinesOfCodeInNoKnownLanguageToo() {
      assertHighlighting(
          "```text {linenos=true}\na < b\n```",
          "<pre tabindex=\"0\"><code class=\"language-text linenos\"><span class=\"line\">a &lt;"
              + " b</span>\n</code></pre>");
    }
  }

  @Nested
  class Languages {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "js, JAVASCRIPT",
      "ts, TYPESCRIPT",
      "sh, SHELL",
      "zsh, SHELL",
      "console, SHELL_SESSION",
      "yml, YAML",
      "py, PYTHON",
      "kt, KOTLIN",
      "tf, HCL",
      "golang, GO",
      "gradle, GROOVY",
      "c++, CPP",
      "c#, CSHARP",
      "JSON, JSON",
      "'java {linenos=true}', JAVA"
    })
    void theUsualAliasesNameTheirLanguage(String info, CodeLanguage language) {
      assertThat(CodeLanguage.of(info)).contains(language);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"brainfuck", "''", "'{linenos=true}'", "'   '"})
    void anUnknownOrMissingLanguageNamesNone(String info) {
      assertThat(CodeLanguage.of(info)).isEmpty();
    }

    @Test
    void aPipelineBuiltWithoutHighlightingLeavesKnownLanguagesPlain() {
      PostPipeline plain = PostPipeline.builder().highlightCode(false).build();
      ParseResult result =
          plain.parse(
              new Source(
                  "posts/a.md",
                  "# T\n\n```java\nint x;\n```\n".getBytes(StandardCharsets.UTF_8),
                  Pipelines.LAST_MODIFIED));
      assertThat(((ParseResult.Parsed) result).post().bodyHtml())
          .isEqualTo("<pre tabindex=\"0\"><code class=\"language-java\">int x;\n</code></pre>\n");
    }

    @Test
    void anUnknownLanguageRendersEscapedPlainCode() {
      assertHighlighting(
          "```brainfuck\n<+>&\n```",
          "<pre tabindex=\"0\"><code class=\"language-brainfuck\">&lt;+&gt;&amp;\n</code></pre>");
    }

    @Test
    void noLanguageRendersEscapedPlainCodeWithoutAClass() {
      assertHighlighting(
          "```\nint x = 1 < 2;\n```", "<pre tabindex=\"0\"><code>int x = 1 &lt; 2;\n</code></pre>");
    }

    @Test
    void indentedCodeStaysPlain() {
      assertHighlighting("    int x = 1;", "<pre tabindex=\"0\"><code>int x = 1;\n</code></pre>");
    }

    @Test
    void everyLanguageHasABlockInTheBrowserChecksFixture() {
      Set<CodeLanguage> covered = EnumSet.noneOf(CodeLanguage.class);
      for (CodeFixture.Block block : CodeFixture.blocks()) {
        CodeLanguage.of(block.info()).ifPresent(covered::add);
      }
      assertThat(covered).containsExactlyInAnyOrder(CodeLanguage.values());
    }
  }

  @Nested
  class TheTextStaysTheAuthors {

    @Test
    void everyBlockOfTheFixtureReadsBackAsItsSourceExactly() {
      List<CodeFixture.Block> blocks = CodeFixture.blocks();
      List<Element> rendered =
          Jsoup.parse(Pipelines.post("posts/code.md", CodeFixture.markdown()).bodyHtml())
              .select("pre > code");
      assertThat(rendered).hasSameSizeAs(blocks);
      for (int i = 0; i < blocks.size(); i++) {
        assertThat(rendered.get(i).wholeText())
            .as(blocks.get(i).info())
            .isEqualTo(blocks.get(i).code());
      }
    }

    @Test
    void everyLanguageOfTheFixtureIsColouredWithSeveralTokenClasses() {
      List<String> poorlyColoured = new ArrayList<>();
      for (Element code :
          Jsoup.parse(Pipelines.post("posts/code.md", CodeFixture.markdown()).bodyHtml())
              .select("pre > code")) {
        Set<String> classes = new TreeSet<>(code.select("span").eachAttr("class"));
        if (CodeLanguage.of(code.className().replace("language-", "")).isPresent()
            && classes.size() < 3) {
          poorlyColoured.add(code.className() + " " + classes);
        }
      }
      assertThat(poorlyColoured).isEmpty();
    }

    @Test
    void tabsUnicodeAndSurrogatePairsSurviveEveryTokenBoundary() {
      String code = "\tString s = \"𝔘𝔫𝔦\"; // ü & < 😀\n𝔵 = 1;\n";
      Element rendered = Jsoup.parse(body("```java\n" + code + "```")).selectFirst("code");
      assertThat(Objects.requireNonNull(rendered).wholeText()).isEqualTo(code);
    }
  }

  @Test
  void theExampleInDocsWritingRendersAsItSays() throws IOException {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/WRITING.md"));
    int markdownStart = doc.indexOf("````markdown\n") + "````markdown\n".length();
    String markdown = doc.substring(markdownStart, doc.indexOf("````\n", markdownStart));
    int htmlStart = doc.indexOf("```html\n", markdownStart) + "```html\n".length();
    String html = doc.substring(htmlStart, doc.indexOf("```\n", htmlStart));
    assertThat(body(markdown) + "\n").isEqualTo(html);
  }

  @Nested
  class TheStylesheet {

    @Test
    void coloursEveryTokenClassInEveryScheme() throws IOException {
      String css;
      try (InputStream in =
          HighlightingTest.class.getResourceAsStream("/inkwell/site/view/site.css")) {
        css = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      }
      for (TokenClass token : TokenClass.values()) {
        String property = "--" + token.css;
        assertThat(css)
            .contains("." + token.css + " {\n  color: var(" + property + ");")
            .containsPattern("(?s):root \\{[^}]*" + property + ": #")
            .containsPattern(
                "(?s)@media screen and \\(prefers-color-scheme: dark\\) \\{\\s*:root \\{[^}]*"
                    + property
                    + ": #");
      }
    }
  }

  @Nested
  class Sanitizing {

    @Test
    void anAuthorsSpanLosesAClassThatIsNotATokenClass() {
      assertHighlighting("<span class=\"preview-banner\">x</span>", "<p><span>x</span></p>");
    }

    @Test
    void anAuthorsSpanKeepsATokenClass() {
      assertHighlighting(
          "<span class=\"tok-keyword\">x</span>", "<p><span class=\"tok-keyword\">x</span></p>");
    }
  }
}
