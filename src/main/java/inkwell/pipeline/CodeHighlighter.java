package inkwell.pipeline;

import inkwell.support.StructuredLog;
import java.util.HashMap;
import java.util.Map;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;

/**
 * Colours the code of a fenced block: the HTML that goes inside its {@code <code>} element, with
 * {@link TokenClass} spans around the tokens RSyntaxTextArea's token makers find. The text of the
 * HTML is always exactly the code (see {@link HighlightedHtml}). A token maker that fails leaves
 * the block plain, with a log line. Thread-safe: each thread uses token makers of its own.
 */
final class CodeHighlighter {

  private static final StructuredLog LOG = new StructuredLog("inkwell.pipeline.CodeHighlighter");

  private static final String PROMPT = "$ ";

  private final TokenMakerFactory factory = TokenMakerFactory.getDefaultInstance();

  /**
   * Token makers keep state between lines and a pool of tokens, so a thread never shares one; each
   * thread keeps the ones it made, since making one (reflection, the pool) costs more than a block.
   */
  private final ThreadLocal<Map<String, TokenMaker>> makers = ThreadLocal.withInitial(HashMap::new);

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
            tokens(language.style, code, 0, code.length(), html);
          }
        }
        default -> tokens(language.style, code, 0, code.length(), html);
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

  private String plainAfter(Throwable e, CodeLanguage language, String code, CodeOptions options) {
    makers.remove(); // a token maker that failed half way is not used again
    LOG.warn(
        "event", "code-not-highlighted",
        "language", language.names.get(0),
        "error", e.toString(),
        "codeChars", code.length());
    return new HighlightedHtml(code, options).finish();
  }

  /**
   * Marks {@code [from, to)} of {@code code}, line by line, carrying the token maker's state (an
   * open comment or string) from one line to the next.
   */
  private void tokens(String style, String code, int from, int to, HighlightedHtml html) {
    TokenMaker maker = makers.get().computeIfAbsent(style, factory::getTokenMaker);
    char[] chars = code.toCharArray();
    int state = 0;
    int start = from;
    while (start < to) {
      int newline = code.indexOf('\n', start);
      int end = newline < 0 || newline >= to ? to : newline;
      Token token = maker.getTokenList(new Segment(chars, start, end - start), state, start);
      Token last = token;
      for (; token != null; token = token.getNextToken()) {
        last = token;
        if (token.isPaintable()) {
          html.add(token.getOffset(), token.getEndOffset(), TokenClass.of(token.getType()));
        }
      }
      state = last == null ? 0 : last.getType();
      start = end + 1;
    }
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
        tokens(CodeLanguage.SHELL.style, code, start, end, html);
      } else if (line.startsWith(PROMPT)) {
        html.add(start, start + PROMPT.length(), TokenClass.PROMPT);
        tokens(CodeLanguage.SHELL.style, code, start + PROMPT.length(), end, html);
      } else {
        html.add(start, end, null);
      }
      continued = (continued || line.startsWith(PROMPT)) && line.endsWith("\\");
      start = end + 1;
    }
  }
}
