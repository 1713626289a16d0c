package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.PostError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An author's {@code <img>} without alt text: published, and a warning at its position. */
class MissingAltTextTest {

  private static List<String> warnings(String markdown) {
    ParseResult result =
        Pipelines.PIPELINE.parse(
            new Source(
                "posts/a.md",
                markdown.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8),
                Pipelines.LAST_MODIFIED));
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    ParseResult.Parsed parsed = (ParseResult.Parsed) result;
    assertThat(parsed.warnings())
        .allSatisfy(w -> assertThat(w.kind()).isEqualTo(PostError.Kind.IMAGE_WITHOUT_ALT));
    return parsed.warnings().stream().map(w -> w.line() + ":" + w.column()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "inline, in a paragraph after front matter | ---\\ntitle: T\\n---\\nText <img src=a.png> | 4:6",
        "an HTML block                             | # T\\n\\n<img src=a.png>                   | 3:1",
        "the second line of an HTML block          | # T\\n\\n<div>\\n  <img src=a.png>\\n</div> | 4:3",
        "two in one paragraph                      | # T\\n\\n<img src=a.png> and <img src=b.png> | 3:1 3:21",
        "no source either                          | # T\\n\\nx <img> y                         | 3:3",
        "in a list item                            | # T\\n\\n- item <img src=a.png>             | 3:8",
      })
  void anImageWithoutAltIsReportedWhereItIs(String what, String markdown, String positions) {
    assertThat(warnings(markdown)).containsExactly(positions.split(" "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alt text                    | # T\\n\\n<img src=a.png alt=\"A chart\">",
        "an empty alt, on purpose    | # T\\n\\n<img src=a.png alt=\"\">",
        "a Markdown image            | # T\\n\\n![](a.png)",
        "an img in a code block      | # T\\n\\n```html\\n<img src=a.png>\\n```",
        "an img in inline code       | # T\\n\\n`<img src=a.png>`",
      })
  void noWarningFor(String what, String markdown) {
    assertThat(warnings(markdown)).isEmpty();
  }
}
