package inkwell.pipeline;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Jekyll Liquid tag ({@code {% %}}) or output ({@code {{ }}}) in a post's text. Rendered:
 * {@code raw}, {@code highlight} (with {@code linenos}), {@code link}, {@code post_url}, {@code
 * comment}, and outputs of {@code site.baseurl}, {@code site.url} (both empty: links stay on this
 * site), {@code page.title} and a quoted path through {@code relative_url} or {@code absolute_url}.
 * Block tags that depend on the site's data ({@code if}, {@code for}, {@code capture}, ...) are
 * dropped whole, with their content; {@code include} and other tags are dropped. Each dropped one
 * is reported. Stateless.
 */
final class Liquid {

  private static final Pattern TAG =
      Pattern.compile("\\{%-?\\s*(\\w+)\\s*(.*?)\\s*-?%\\}", Pattern.DOTALL);
  private static final Pattern OUTPUT =
      Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?\\}\\}", Pattern.DOTALL);
  private static final Pattern QUOTED_PATH =
      Pattern.compile("[\"']([^\"']*)[\"']\\s*\\|\\s*(?:relative_url|absolute_url)\\s*");

  /** What only a Jekyll output starts with: a site or page variable, or a quoted path. */
  private static final Pattern JEKYLL_OUTPUT =
      Pattern.compile("(?:site|page|layout|paginator|include)\\.|[\"']");

  private static final Set<String> BLOCKS =
      Set.of("if", "unless", "for", "case", "capture", "tablerow", "comment");

  private Liquid() {}

  /**
   * The replacement for the tag or output at {@code start}, or {@code null} if none starts there.
   */
  static Templates.Replacement at(String text, int start, Templates.Context ctx) {
    if (text.startsWith("{{", start)) {
      Matcher m = OUTPUT.matcher(text).region(start, text.length());
      if (!m.lookingAt() || m.group(1).contains("\n\n")) {
        return null;
      }
      return output(m.group(1), m.end(), ctx);
    }
    Matcher m = TAG.matcher(text).region(start, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    String name = m.group(1);
    String args = m.group(2);
    int end = m.end();
    switch (name) {
      case "raw" -> {
        int close = find(text, end, "endraw");
        if (close < 0) {
          return unclosed(end, name);
        }
        Matcher endTag = TAG.matcher(text).region(close, text.length());
        endTag.lookingAt();
        return new Templates.Replacement(endTag.end(), text.substring(end, close), null);
      }
      case "highlight" -> {
        int close = find(text, end, "endhighlight");
        if (close < 0) {
          return unclosed(end, name);
        }
        Matcher endTag = TAG.matcher(text).region(close, text.length());
        endTag.lookingAt();
        String[] words = args.split("\\s+");
        String options = args.contains("linenos") ? " {linenos=true}" : "";
        String code = text.substring(end, close).replaceAll("^\\n+|\\n+$", "");
        return new Templates.Replacement(
            endTag.end(), "```" + words[0] + options + "\n" + code + "\n```", null);
      }
      case "link", "post_url" -> {
        String target = args.strip();
        Templates.Link link =
            ctx.linkTo(name.equals("post_url") ? "_posts/" + target + ".md" : target);
        if (link.address() == null) {
          return new Templates.Replacement(
              end, "", "{% " + name + " " + target + " %} names no post Inkwell knows");
        }
        return Templates.Replacement.of(end, "{% " + name + " " + target + " %}", link);
      }
      case "include", "include_relative" -> {
        return new Templates.Replacement(
            end,
            "",
            "{% "
                + name
                + " "
                + args
                + " %} is not rendered: Inkwell has no theme includes, so the page shows"
                + " nothing in its place");
      }
      default -> {
        if (BLOCKS.contains(name)) {
          int close = find(text, end, "end" + name);
          if (close < 0) {
            return unclosed(end, name);
          }
          Matcher endTag = TAG.matcher(text).region(close, text.length());
          endTag.lookingAt();
          return new Templates.Replacement(
              endTag.end(),
              "",
              name.equals("comment")
                  ? "comment"
                  : "Liquid {% "
                      + name
                      + " %} block is not rendered (it depends on the site's data); the page"
                      + " shows nothing in its place");
        }
        return new Templates.Replacement(
            end,
            "",
            "Liquid tag {% " + name + " %} is not rendered; the page shows nothing in its place");
      }
    }
  }

  private static Templates.Replacement output(String expression, int end, Templates.Context ctx) {
    String e = expression.strip();
    if (ctx.dialect() == Templates.Dialect.PLAIN && !JEKYLL_OUTPUT.matcher(e).lookingAt()) {
      return null; // in a plain folder, {{ name }} may be the author's text (Mustache, Go, ...)
    }
    if (e.equals("site.baseurl")
        || e.equals("site.url")
        || e.matches("site\\.(baseurl|url)\\s*\\|.*")) {
      return new Templates.Replacement(end, "", null);
    }
    if (e.equals("page.title") && ctx.title() != null) {
      return new Templates.Replacement(end, Templates.escape(ctx.title()), null);
    }
    Matcher path = QUOTED_PATH.matcher(e);
    if (path.matches()) {
      return new Templates.Replacement(end, path.group(1), null);
    }
    return new Templates.Replacement(
        end,
        "",
        "Liquid output {{ " + e + " }} is not rendered; the page shows nothing in its place");
  }

  private static Templates.Replacement unclosed(int end, String name) {
    return new Templates.Replacement(
        end,
        "",
        "Liquid {% " + name + " %} is never closed with {% end" + name + " %}; the tag is dropped");
  }

  /** Where the tag {@code endName} that closes a block opened before {@code from} starts. */
  private static int find(String text, int from, String endName) {
    String openName = endName.substring(3);
    Matcher m = TAG.matcher(text).region(from, text.length());
    int depth = 0;
    while (m.find()) {
      if (m.group(1).equals(endName)) {
        if (depth == 0) {
          return m.start();
        }
        depth--;
      } else if (m.group(1).equals(openName) && !openName.equals("raw")) {
        depth++;
      }
    }
    return -1;
  }
}
