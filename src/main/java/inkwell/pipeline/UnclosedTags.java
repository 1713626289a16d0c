package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Refuses raw HTML that would swallow the rest of a post. CommonMark runs a {@code <script>},
 * {@code <style>}, {@code <textarea>} or {@code <pre>} block to its closing tag, or to the end of
 * the document; and an HTML parser reads everything after an unclosed {@code <style>}, {@code
 * <script>}, {@code <textarea>} (and the like), wherever it stands, as that element's text. The
 * sanitizer drops such elements, so the author's text after the tag would vanish without a word.
 */
final class UnclosedTags {

  /** Elements whose content an HTML parser reads as text up to their closing tag. */
  private static final Pattern RAW_TEXT =
      Pattern.compile(
          "<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)(?=[\\s/>])");

  /** CommonMark's first kind of HTML block, which ends only at its own closing tag. */
  private static final Pattern BLOCK_PRE = Pattern.compile("^[ \\t]*<(pre)(?=[\\s>]|$)");

  private UnclosedTags() {}

  /** Throws for the first opening tag that is never closed, naming its line and column. */
  static void check(Node document, String body, int bodyLine) {
    List<Node> nodes = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (Node node : Trees.preOrder(document)) {
      String literal = literal(node);
      if (literal != null) {
        nodes.add(node);
        starts.add(all.length());
        all.append(literal.toLowerCase(Locale.ROOT)).append('\n');
      }
    }
    String html = all.toString();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      int start = starts.get(i);
      String literal = html.substring(start, start + literal(node).length());
      Matcher pre = BLOCK_PRE.matcher(literal);
      if (node instanceof HtmlBlock && pre.find()) {
        checkClosed(html, start + pre.end(), "pre", node, body, bodyLine);
      }
      Matcher rawText = RAW_TEXT.matcher(literal);
      while (rawText.find()) {
        checkClosed(html, start + rawText.end(), rawText.group(1), node, body, bodyLine);
      }
    }
  }

  private static void checkClosed(
      String html, int from, String tag, Node node, String body, int bodyLine) {
    if (html.indexOf("</" + tag, from) >= 0) {
      return;
    }
    int[] at = position(node, tag, body);
    int line = bodyLine + at[0];
    int column = at[1] + 1;
    throw new RejectedException(
        PostError.at(
            Kind.UNCLOSED_HTML,
            line,
            column,
            "<"
                + tag
                + "> at "
                + line
                + ":"
                + column
                + " is never closed; everything after it would be dropped. Add </"
                + tag
                + "> where it should end"));
  }

  /** The 0-based line and column in {@code body} of the first {@code <tag} in the node's block. */
  private static int[] position(Node node, String tag, String body) {
    int line = 0;
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.getSourceSpans().isEmpty()) {
        SourceSpan span = n.getSourceSpans().get(0);
        line = span.getLineIndex();
        break;
      }
    }
    String[] lines = body.split("\n", -1);
    for (int i = line; i < lines.length; i++) {
      int column = lines[i].toLowerCase(Locale.ROOT).indexOf("<" + tag);
      if (column >= 0) {
        return new int[] {i, column};
      }
    }
    return new int[] {line, 0};
  }

  private static String literal(Node node) {
    if (node instanceof HtmlBlock block) {
      return block.getLiteral();
    }
    if (node instanceof HtmlInline inline) {
      return inline.getLiteral();
    }
    return null;
  }
}
