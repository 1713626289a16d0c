package inkwell.pipeline;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Hugo shortcode in a post's text, from its opening tag to its closing one: {@code {{< name
 * args >}}}, <code>{{% name %}}...{{% /name %}}</code>, self-closing {@code {{< name />}}}, and the
 * escaped form (<code>{{&lt;/* name *&#47;&gt;}}</code>), which Hugo prints as written. Stateless.
 */
final class HugoShortcode {

  private static final Pattern NAME = Pattern.compile("\\s*(/?)\\s*([A-Za-z0-9_./-]+)");

  private HugoShortcode() {}

  /** The replacement for the shortcode at {@code start}, or {@code null} if none starts there. */
  static Templates.Replacement at(String text, int start, Templates.Context ctx) {
    char kind = text.charAt(start + 2);
    String close = (kind == '<' ? ">" : "%") + "}}";
    if (text.startsWith("/*", start + 3)) {
      int end = text.indexOf("*/" + close, start);
      if (end < 0) {
        return null;
      }
      String literal = "{{" + kind + text.substring(start + 5, end) + close;
      return new Templates.Replacement(
          end + 2 + close.length(), literal.replace("<", "&lt;"), null);
    }
    int tagEnd = text.indexOf(close, start + 3);
    if (tagEnd < 0) {
      return null;
    }
    String tag = text.substring(start + 3, tagEnd);
    Matcher m = NAME.matcher(tag);
    if (!m.lookingAt()) {
      return null;
    }
    int end = tagEnd + 3;
    String name = m.group(2);
    if (!m.group(1).isEmpty()) {
      return new Templates.Replacement(
          end, "", "a closing {{" + kind + " /" + name + " " + close + " without its opening tag");
    }
    String argText = tag.substring(m.end()).strip();
    boolean selfClosing = argText.endsWith("/");
    if (selfClosing) {
      argText = argText.substring(0, argText.length() - 1);
    }
    Map<String, String> args = Shortcodes.arguments(argText);
    String inner = null;
    if (!selfClosing) {
      int[] closing = closing(text, end, name);
      if (closing != null) {
        inner = text.substring(end, closing[0]);
        end = closing[1];
      }
    }
    if (name.equals("ref") || name.equals("relref")) {
      String path = args.getOrDefault("path", args.getOrDefault("0", ""));
      return Templates.Replacement.of(
          end, "{{" + kind + " " + name + " \"" + path + "\" " + close, ctx.linkTo(path));
    }
    String rendered = Shortcodes.render(name, args, inner, ctx);
    if (rendered != null) {
      return new Templates.Replacement(end, rendered, null);
    }
    String shown = inner == null ? "" : Templates.process(inner, 1, ctx).body();
    return new Templates.Replacement(
        end,
        shown,
        "Hugo shortcode \""
            + name
            + "\" is not rendered (not one of Hugo's built-in shortcodes); the page shows "
            + (inner == null ? "nothing in its place" : "its inner content"));
  }

  /** Start and end of the closing tag of {@code name} after {@code from}, nesting counted. */
  private static int[] closing(String text, int from, String name) {
    Pattern tags =
        Pattern.compile(
            "\\{\\{([<%])\\s*(/?)\\s*"
                + Pattern.quote(name)
                + "(?=[\\s/%>])[^}]*?(/?)\\s*[>%]\\}\\}");
    Matcher m = tags.matcher(text).region(from, text.length());
    int depth = 0;
    while (m.find()) {
      if (!m.group(2).isEmpty()) {
        if (depth == 0) {
          return new int[] {m.start(), m.end()};
        }
        depth--;
      } else if (m.group(3).isEmpty()) {
        depth++;
      }
    }
    return null;
  }
}
