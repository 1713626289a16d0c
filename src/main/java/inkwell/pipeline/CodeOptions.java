package inkwell.pipeline;

import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's options in a fenced block's info string, after the language: {@code {linenos=true}}
 * numbers the lines (any value but {@code false}), {@code {hl_lines=[2,"4-6"]}} (or {@code
 * hl_lines="2 4-6"}) marks lines, counted from 1. Other options are ignored.
 *
 * <pre>{@code ```go {linenos=true, hl_lines=[2,"4-6"]}}</pre>
 */
record CodeOptions(boolean lineNumbers, BitSet marked) {

  static final CodeOptions NONE = new CodeOptions(false, new BitSet());

  private static final Pattern OPTION =
      Pattern.compile("(linenos|hl_lines)\\s*=\\s*(\\[[^\\]]*]|\"[^\"]*\"|[^,}\\s]+)");
  private static final Pattern LINES = Pattern.compile("\\b(\\d{1,6})(?:\\s*-\\s*(\\d{1,6}))?\\b");

  /** Above this, a range is an author's slip, not a line of a block: ignored. */
  private static final int MAX_LINE = 100_000;

  /** The options in {@code info}; {@link #NONE} when it has no {@code {...}}. */
  static CodeOptions parse(String info) {
    if (info == null) {
      return NONE;
    }
    int open = info.indexOf('{');
    int close = info.lastIndexOf('}');
    if (open < 0 || close < open) {
      return NONE;
    }
    boolean lineNumbers = false;
    BitSet marked = new BitSet();
    Matcher option = OPTION.matcher(info.substring(open + 1, close));
    while (option.find()) {
      String value = option.group(2).toLowerCase(Locale.ROOT);
      if (option.group(1).equals("linenos")) {
        lineNumbers = !value.equals("false");
      } else {
        Matcher lines = LINES.matcher(value);
        while (lines.find()) {
          int from = Integer.parseInt(lines.group(1));
          int to = lines.group(2) == null ? from : Integer.parseInt(lines.group(2));
          if (from >= 1 && from <= to && to <= MAX_LINE) {
            marked.set(from, to + 1);
          }
        }
      }
    }
    return new CodeOptions(lineNumbers, marked);
  }

  /** True when the lines are wrapped one by one (numbered, or some marked). */
  boolean wrapsLines() {
    return lineNumbers || !marked.isEmpty();
  }
}
