package inkwell.pipeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which characters of a Markdown text lie in fenced code blocks or code spans. Stateless. */
final class CodeRegions {

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private CodeRegions() {}

  /** Fenced code blocks only. */
  static boolean[] fencedOnly(String text) {
    boolean[] code = new boolean[text.length()];
    String fence = null;
    int pos = 0;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      end = end < 0 ? text.length() : end;
      Matcher m = FENCE.matcher(text.substring(pos, end));
      boolean fenceLine = m.lookingAt();
      if (fence == null && fenceLine) {
        fence = m.group(1);
        mark(code, pos, end);
      } else if (fence != null) {
        mark(code, pos, end);
        if (fenceLine
            && m.group(1).charAt(0) == fence.charAt(0)
            && m.group(1).length() >= fence.length()) {
          fence = null;
        }
      }
      pos = end + 1;
    }
    return code;
  }

  /** Fenced code blocks and code spans ({@code `x`}, on one line). */
  static boolean[] of(String text) {
    boolean[] code = fencedOnly(text);
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '`' || code[i]) {
        i++;
        continue;
      }
      int run = i;
      while (run < text.length() && text.charAt(run) == '`') {
        run++;
      }
      String ticks = text.substring(i, run);
      int close = text.indexOf(ticks, run);
      int lineEnd = text.indexOf('\n', run);
      if (close < 0 || (lineEnd >= 0 && close > lineEnd)) {
        i = run;
        continue;
      }
      mark(code, i, close + ticks.length());
      i = close + ticks.length();
    }
    return code;
  }

  private static void mark(boolean[] code, int from, int to) {
    for (int k = from; k < Math.min(to, code.length); k++) {
      code[k] = true;
    }
  }
}
