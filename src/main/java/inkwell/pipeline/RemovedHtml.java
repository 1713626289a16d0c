package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;

/**
 * Finds the elements of the author's raw HTML that the sanitizer removes, and says where each one
 * is in the source file, so that nothing the author wrote disappears without a word.
 */
final class RemovedHtml {

  private RemovedHtml() {}

  /** Warnings for {@code document}, whose body starts on 1-based line {@code bodyLine}. */
  static List<PostError> find(Node document, int bodyLine, HtmlSanitizer sanitizer) {
    List<PostError> warnings = new ArrayList<>();
    RawHtmlElements.visit(
        document,
        bodyLine,
        "<",
        (element, line, column) -> {
          if (!sanitizer.keepsTag(element.tagName())) {
            warnings.add(
                PostError.at(
                    Kind.HTML_REMOVED,
                    line,
                    column,
                    "<"
                        + element.tagName()
                        + "> is removed: the page allows no "
                        + element.tagName()
                        + " element (what it holds that is allowed stays)"));
          }
        });
    return warnings;
  }
}
