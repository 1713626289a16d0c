package inkwell.pipeline;

import inkwell.support.StructuredLog;

/**
 * Colours the code of a fenced block: the HTML that goes inside its {@code <code>} element, with
 * {@link TokenClass} spans around the tokens RSyntaxTextArea's token makers find ({@link
 * TokenScanner}, the only class that touches them, so that building a pipeline, as the site
 * function does when it starts, loads none of the highlighter). The text of the HTML is always
 * exactly the code (see {@link HighlightedHtml}). A token maker that fails leaves the block plain,
 * with a log line. Thread-safe.
 */
final class CodeHighlighter {

  private static final StructuredLog LOG = new StructuredLog("inkwell.pipeline.CodeHighlighter");

  private static final String PROMPT = "$ ";

  /**
   * The HTML for {@code code} coloured as {@code language} ({@code null}: left plain), its lines
   * wrapped as {@code options} ask.
   */
  String highlight(CodeLanguage language, String code, CodeOptions options) {
    HighlightedHtml html = new HighlightedHtml(code, options);
    if (language == null) {
      return html.finish();
    }
    try {
      switch (language) {
        case DIFF -> DiffLines.mark(code, html);
        case SHELL_SESSION -> session(code, html);
        case SHELL -> {
          if (code.stripLeading().startsWith(PROMPT)) {
            session(code, html);
          } else {
            TokenScanner.scan(language.style, code, 0, code.length(), html);
          }
        }
        default -> TokenScanner.scan(language.style, code, 0, code.length(), html);
      }
      return html.finish();
    } catch (RuntimeException e) {
      return plainAfter(e, language, code, options);
    } catch (Error e) {
      // The JFlex scanners behind the token makers throw a bare Error for input they cannot match.
      if (e.getClass() != Error.class) {
        throw e;
      }
      return plainAfter(e, language, code, options);
    }
  }

  private static String plainAfter(
      Throwable e, CodeLanguage language, String code, CodeOptions options) {
    TokenScanner.forget(); // a token maker that failed half way is not used again
    LOG.warn(
        "event", "code-not-highlighted",
        "language", language.names.get(0),
        "error", e.toString(),
        "codeChars", code.length());
    return new HighlightedHtml(code, options).finish();
  }

  /**
   * A shell session: a line that starts with {@code $ } is a command (the prompt marked as such,
   * the rest read as shell, with its {@code \}-continued lines); every other line is output, left
   * plain.
   */
  private void session(String code, HighlightedHtml html) {
    int start = 0;
    boolean continued = false;
    while (start < code.length()) {
      int newline = code.indexOf('\n', start);
      int end = newline < 0 ? code.length() : newline;
      String line = code.substring(start, end);
      if (continued) {
        TokenScanner.scan(CodeLanguage.SHELL.style, code, start, end, html);
      } else if (line.startsWith(PROMPT)) {
        html.add(start, start + PROMPT.length(), TokenClass.PROMPT);
        TokenScanner.scan(CodeLanguage.SHELL.style, code, start + PROMPT.length(), end, html);
      } else {
        html.add(start, end, null);
      }
      continued = (continued || line.startsWith(PROMPT)) && line.endsWith("\\");
      start = end + 1;
    }
  }
}
