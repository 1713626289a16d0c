package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

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
    for (Node node : Trees.preOrder(document)) {
      String literal;
      if (node instanceof HtmlBlock block) {
        literal = block.getLiteral();
      } else if (node instanceof HtmlInline inline) {
        literal = inline.getLiteral();
      } else {
        continue;
      }
      if (!literal.toLowerCase(Locale.ROOT).contains("<img") || node.getSourceSpans().isEmpty()) {
        continue;
      }
      SourceSpan span = node.getSourceSpans().get(0);
      Parser parser = Parser.htmlParser().setTrackPosition(true);
      for (Element img : parser.parseInput(literal, "").select("img")) {
        if (img.hasAttr("alt")) {
          continue;
        }
        Range.Position at = img.sourceRange().start();
        int line = bodyLine + span.getLineIndex() + at.lineNumber() - 1;
        int column =
            at.lineNumber() == 1 ? span.getColumnIndex() + at.columnNumber() : at.columnNumber();
        warnings.add(PostError.at(Kind.IMAGE_WITHOUT_ALT, line, column, message(img)));
      }
    }
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
