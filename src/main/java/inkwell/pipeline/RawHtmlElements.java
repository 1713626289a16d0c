package inkwell.pipeline;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * The elements of the raw HTML an author wrote in a post, each with its line and column in the
 * source file, for the warnings about them. Stateless.
 */
final class RawHtmlElements {

  /** What is done with each element. */
  interface Visitor {
    void visit(Element element, int line, int column);
  }

  private static final java.util.Set<String> PARSER_ADDED =
      java.util.Set.of("#root", "html", "head", "body");

  private RawHtmlElements() {}

  /** True if {@code document} holds an HTML block or inline HTML. */
  static boolean present(Node document) {
    for (Node node : Trees.preOrder(document)) {
      if (node instanceof HtmlBlock || node instanceof HtmlInline) {
        return true;
      }
    }
    return false;
  }

  /**
   * Visits every element written in {@code document}'s HTML blocks and inline HTML.
   *
   * @param bodyLine the 1-based line of the file on which the Markdown body starts
   * @param hint text an HTML literal must contain, in lower case, to be parsed at all
   */
  static void visit(Node document, int bodyLine, String hint, Visitor visitor) {
    for (Node node : Trees.preOrder(document)) {
      String literal;
      if (node instanceof HtmlBlock block) {
        literal = block.getLiteral();
      } else if (node instanceof HtmlInline inline) {
        literal = inline.getLiteral();
      } else {
        continue;
      }
      if (node.getSourceSpans().isEmpty()
          || !literal.toLowerCase(java.util.Locale.ROOT).contains(hint)) {
        continue;
      }
      SourceSpan span = node.getSourceSpans().get(0);
      Parser parser = Parser.htmlParser().setTrackPosition(true);
      for (Element element : parser.parseInput(literal, "").getAllElements()) {
        if (PARSER_ADDED.contains(element.tagName())) {
          continue; // the document, html, head, body: added by the parser
        }
        Range.Position at = element.sourceRange().start();
        int line = bodyLine + span.getLineIndex() + at.lineNumber() - 1;
        int column =
            at.lineNumber() == 1 ? span.getColumnIndex() + at.columnNumber() : at.columnNumber();
        visitor.visit(element, line, column);
      }
    }
  }
}
