package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.post;
import static inkwell.pipeline.Pipelines.run;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Images without alt text: the warning's words and position, and what is published. */
class WarningsAndRepairsTest {

  private static final String NO_ALT =
      "<img src=\"a.png\"> has no alt text: a screen reader cannot say what it shows. Add"
          + " alt=\"what it shows\", or alt=\"\" if it is decoration; until then it is published"
          + " with alt=\"\"";

  private static ParseResult.Parsed parsed(String markdown) {
    return (ParseResult.Parsed) run("posts/w.md", markdown);
  }

  @Nested
  class Warnings {

    @Test
    void anImageWithoutAltInABlockIsAWarningAtItsPlace() {
      ParseResult.Parsed result = parsed("# T\n\n<p>\n  <img src=\"a.png\">\n</p>\n");
      assertThat(result.warnings())
          .containsExactly(PostError.at(Kind.IMAGE_WITHOUT_ALT, 4, 3, NO_ALT));
      assertThat(result.describeWarnings()).containsExactly("posts/w.md:4:3: " + NO_ALT);
      assertThat(result.sourceKey()).isEqualTo("posts/w.md");
    }

    @Test
    void anInlineImageIsPlacedByItsColumn() {
      assertThat(parsed("# T\n\nSome <IMG SRC=\"a.png\"> text\n").warnings())
          .containsExactly(PostError.at(Kind.IMAGE_WITHOUT_ALT, 3, 6, NO_ALT));
    }

    @Test
    void anImageWithNeitherSrcNorAltIsNamedSo() {
      assertThat(parsed("# T\n\nSome <img> text\n").warnings())
          .containsExactly(
              PostError.at(
                  Kind.IMAGE_WITHOUT_ALT,
                  3,
                  6,
                  "<img> has neither src nor alt: it shows nothing and is left out"));
    }

    @Test
    void htmlWithoutImagesAndImagesWithAltAreNoWarning() {
      assertThat(parsed("# T\n\n<b>x</b> <img src=\"a.png\" alt=\"\">\n").warnings()).isEmpty();
    }

    @Test
    void aRejectedSourceIsDescribedWithItsKey() {
      ParseResult.Rejected rejected = (ParseResult.Rejected) run("posts/r.md", "");
      assertThat(rejected.describe()).startsWith("posts/r.md: the file has no title");
    }
  }

  @Nested
  class Repairs {

    @Test
    void anImageWithoutSrcBecomesItsAltTextOrNothing() {
      assertThat(post("# T\n\nA <img alt=\"logo\"> B\n").bodyHtml()).isEqualTo("<p>A logo B</p>\n");
      assertThat(post("# T\n\nA <img alt=\" \"> B\n").bodyHtml()).isEqualTo("<p>A  B</p>\n");
    }

    @Test
    void anImageWithoutAltGetsAnEmptyOne() {
      assertThat(post("# T\n\nA <img src=\"a.png\"> B\n").bodyHtml())
          .isEqualTo("<p>A <img src=\"a.png\" alt=\"\"> B</p>\n");
    }

    @Test
    void aTaskCheckboxIsLabelledByItsItemsTextWithoutNestedLists() {
      assertThat(post("# T\n\n- [ ] buy milk\n  - nested\n").bodyHtml())
          .isEqualTo(
              "<ul>\n<li><input type=\"checkbox\" aria-label=\"buy milk\" disabled> buy milk\n"
                  + "<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>\n");
    }

    @Test
    void aCheckboxWithoutTextIsATaskAndOtherInputsAreRemoved() {
      assertThat(post("# T\n\n- <input type=\"checkbox\">\n").bodyHtml())
          .contains("aria-label=\"Task\"");
      assertThat(post("# T\n\nA <input type=\"text\"> B\n").bodyHtml()).isEqualTo("<p>A  B</p>\n");
    }
  }
}
