package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.jsoup.nodes.Element;

/**
 * Finds the {@code <img>} elements in the author's raw HTML that have no {@code alt} attribute, and
 * says where each one is in the source file. A screen reader says nothing useful about such an
 * image; {@link HtmlRepairs} publishes it with {@code alt=""} (decoration), so the author is told
 * to describe it. Markdown images ({@code ![text](src)}) always have alt text, empty or not.
 */
final class MissingAltText {

  private MissingAltText() {}

  /** Warnings for {@code document}, whose body starts on 1-based line {@code bodyLine}. */
  static List<PostError> find(Node document, int bodyLine) {
    List<PostError> warnings = new ArrayList<>();
    RawHtmlElements.visit(
        document,
        bodyLine,
        "<img",
        (element, line, column) -> {
          if (element.tagName().equals("img") && !element.hasAttr("alt")) {
            warnings.add(PostError.at(Kind.IMAGE_WITHOUT_ALT, line, column, message(element)));
          }
        });
    return warnings;
  }

  private static String message(Element img) {
    if (img.attr("src").isBlank()) {
      return "<img> has neither src nor alt: it shows nothing and is left out";
    }
    return "<img src=\""
        + img.attr("src")
        + "\"> has no alt text: a screen reader cannot say what it shows. Add alt=\"what it"
        + " shows\", or alt=\"\" if it is decoration; until then it is published with alt=\"\"";
  }
}
