package inkwell.pipeline;

/**
 * Builds the HTML of one highlighted code block from ranges of its text, each with a {@link
 * TokenClass} or none. Every character of the code is written exactly once and in order, escaped,
 * whatever ranges the caller gives: gaps are written as plain text, overlaps are cut, a range that
 * would split a surrogate pair is widened by one. So the text of the HTML is always the code.
 * Neighbouring ranges of one class share a {@code span}. With {@link CodeOptions} that number or
 * mark lines, each line is also wrapped in {@code <span class="line">} ({@code "line hl"} when
 * marked), its newline after it. Not thread-safe; one per block.
 */
final class HighlightedHtml {

  /** The class of a line span, and of a marked one; the sanitizer lets these through too. */
  static final String LINE = "line";

  static final String MARKED_LINE = "line hl";

  private final String code;
  private final CodeOptions options;
  private final StringBuilder html;
  private int written;
  private int pendingEnd;
  private TokenClass pendingClass;
  private int line;
  private boolean inLine;

  HighlightedHtml(String code) {
    this(code, CodeOptions.NONE);
  }

  HighlightedHtml(String code, CodeOptions options) {
    this.code = code;
    this.options = options;
    this.html = new StringBuilder(code.length() * 2);
  }

  /** Marks {@code [start, end)} of the code with {@code tokenClass} ({@code null}: plain). */
  void add(int start, int end, TokenClass tokenClass) {
    end = Math.min(end, code.length());
    if (end > 0
        && end < code.length()
        && Character.isSurrogatePair(code.charAt(end - 1), code.charAt(end))) {
      end++;
    }
    if (start > pendingEnd) {
      add(pendingEnd, start, null);
    }
    if (end <= pendingEnd) {
      return;
    }
    if (tokenClass != pendingClass) {
      flush();
      pendingClass = tokenClass;
    }
    pendingEnd = end;
  }

  /** The HTML for the whole code, with anything not yet covered as plain text. */
  String finish() {
    add(pendingEnd, code.length(), null);
    flush();
    if (inLine) {
      html.append("</span>");
    }
    return html.toString();
  }

  private void flush() {
    if (pendingEnd == written) {
      return;
    }
    if (options.wrapsLines()) {
      flushLines();
      return;
    }
    if (pendingClass != null) {
      html.append("<span class=\"").append(pendingClass.css).append("\">");
    }
    escape(written, pendingEnd);
    if (pendingClass != null) {
      html.append("</span>");
    }
    written = pendingEnd;
  }

  /** As {@link #flush}, cutting the range at newlines so that spans nest inside line spans. */
  private void flushLines() {
    int from = written;
    while (from < pendingEnd) {
      int newline = code.indexOf('\n', from);
      int to = newline < 0 || newline >= pendingEnd ? pendingEnd : newline;
      if (to > from) {
        openLine();
        if (pendingClass != null) {
          html.append("<span class=\"").append(pendingClass.css).append("\">");
        }
        escape(from, to);
        if (pendingClass != null) {
          html.append("</span>");
        }
      }
      if (to < pendingEnd) {
        openLine();
        html.append("</span>\n");
        inLine = false;
        to++;
      }
      from = to;
    }
    written = pendingEnd;
  }

  private void openLine() {
    if (!inLine) {
      line++;
      html.append("<span class=\"")
          .append(options.marked().get(line) ? MARKED_LINE : LINE)
          .append("\">");
      inLine = true;
    }
  }

  private void escape(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = code.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        default -> html.append(c);
      }
    }
  }
}
