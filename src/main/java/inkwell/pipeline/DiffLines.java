package inkwell.pipeline;

/**
 * A unified diff, marked line by line by the character the format puts first: {@code +} inserted,
 * {@code -} deleted, {@code @@} hunk headers, and {@code diff}, {@code index}, {@code ---} and
 * {@code +++} file headers outside a hunk, as meta. This is the diff format's own structure, not a
 * grammar: no token maker reads diffs.
 */
final class DiffLines {

  private DiffLines() {}

  static void mark(String code, HighlightedHtml html) {
    boolean inHunk = false;
    int start = 0;
    while (start < code.length()) {
      int newline = code.indexOf('\n', start);
      int end = newline < 0 ? code.length() : newline;
      String line = code.substring(start, end);
      TokenClass mark;
      if (line.startsWith("@@")) {
        inHunk = true;
        mark = TokenClass.META;
      } else if (line.startsWith("diff ")) {
        inHunk = false;
        mark = TokenClass.META;
      } else if (!inHunk && isFileHeader(line)) {
        mark = TokenClass.META;
      } else if (line.startsWith("+")) {
        mark = TokenClass.INSERTED;
      } else if (line.startsWith("-")) {
        mark = TokenClass.DELETED;
      } else {
        mark = null;
      }
      html.add(start, end, mark);
      start = end + 1;
    }
  }

  private static boolean isFileHeader(String line) {
    return line.startsWith("--- ") || line.startsWith("+++ ") || line.startsWith("index ");
  }
}
