package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Keeps pathological nesting (10,000 nested quotes or lists, emphasis inside emphasis thousands
 * deep) away from the recursive parts of the Markdown library, which would otherwise overflow the
 * stack. Real posts nest a handful of levels; anything past {@link #MAX_DEPTH} is rejected with the
 * line it starts on.
 */
final class Nesting {

  static final int MAX_DEPTH = 32;

  /** Node levels allowed in the parsed tree (each list level is two nodes, plus inline nodes). */
  static final int MAX_TREE_DEPTH = 3 * MAX_DEPTH;

  /** One container opener at the start of a line: a quote marker or a list marker. */
  private static final Pattern OPENER =
      Pattern.compile("\\G[ \\t]*(?:>|[-+*](?=[ \\t]|$)|\\d{1,9}[.)](?=[ \\t]|$))");

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private Nesting() {}

  /** Rejects a body whose block structure (quotes, lists, indentation) nests too deeply. */
  static void checkBlocks(String body, int bodyLine) {
    String[] lines = body.split("\n", -1);
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      int depth = indentation(line) / 2;
      int column = firstNonBlank(line) + 1;
      Matcher opener = OPENER.matcher(line);
      while (depth <= MAX_DEPTH && opener.find()) {
        depth++;
        column = opener.end();
      }
      if (depth > MAX_DEPTH) {
        throw tooDeep(bodyLine + i, column);
      }
    }
  }

  /** Rejects a parsed body with any node more than {@link #MAX_TREE_DEPTH} levels deep. */
  static void checkTree(Node document, int bodyLine) {
    Node deep = Trees.deeperThan(document, MAX_TREE_DEPTH);
    if (deep != null) {
      SourceSpan span = span(deep);
      throw tooDeep(
          bodyLine + (span == null ? 0 : span.getLineIndex()),
          span == null ? 1 : span.getColumnIndex() + 1);
    }
  }

  static RejectedException tooDeep(int line, int column) {
    return new RejectedException(
        PostError.at(
            Kind.NESTED_TOO_DEEPLY,
            line,
            column,
            "the Markdown nests quotes, lists or emphasis more than "
                + MAX_DEPTH
                + " levels deep"));
  }

  private static int indentation(String line) {
    int columns = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        columns++;
      } else if (c == '\t') {
        columns += 4 - columns % 4;
      } else {
        break;
      }
    }
    return columns;
  }

  private static int firstNonBlank(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The source span of {@code node} or of its nearest ancestor that has one. */
  private static SourceSpan span(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.getSourceSpans().isEmpty()) {
        return n.getSourceSpans().get(0);
      }
    }
    return null;
  }
}
