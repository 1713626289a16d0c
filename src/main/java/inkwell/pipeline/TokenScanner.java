package inkwell.pipeline;

import java.util.HashMap;
import java.util.Map;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;

/**
 * RSyntaxTextArea's token makers, run over code line by line. The only class that touches them: the
 * JVM loads the highlighter when the first block is highlighted, never when a pipeline is built.
 * Thread-safe: a token maker keeps state between lines and a pool of tokens, so each thread keeps
 * the ones it made (making one, by reflection, with its pool, costs more than a block).
 */
final class TokenScanner {

  private static final ThreadLocal<Map<String, TokenMaker>> MAKERS =
      ThreadLocal.withInitial(HashMap::new);

  private TokenScanner() {}

  /**
   * Marks {@code [from, to)} of {@code code} in {@code html}, line by line, carrying the token
   * maker's state (an open comment or string) from one line to the next.
   */
  static void scan(String style, String code, int from, int to, HighlightedHtml html) {
    TokenMaker maker =
        MAKERS
            .get()
            .computeIfAbsent(style, s -> TokenMakerFactory.getDefaultInstance().getTokenMaker(s));
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

  /** Drops this thread's token makers, after one failed half way through a block. */
  static void forget() {
    MAKERS.remove();
  }
}
