package inkwell.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's built-in shortcodes, rendered at publish time with no script on the page: {@code figure},
 * {@code highlight}, {@code youtube}, {@code vimeo}, {@code x}/{@code tweet}, {@code gist}, {@code
 * instagram}, {@code param} ({@code ref}/{@code relref}: {@link HugoShortcode}). Third-party embeds
 * become a link to the original (the reader's page makes no third-party request). Any other
 * shortcode is replaced by its inner content (or nothing) and reported. Used by {@link Templates};
 * stateless.
 */
final class Shortcodes {

  private static final Pattern ARG =
      Pattern.compile(
          "(?:([A-Za-z_][\\w-]*)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|(\\S+))");

  private Shortcodes() {}

  /** A shortcode's arguments: named ones by name, positional ones by index ("0", "1", ...). */
  static Map<String, String> arguments(String text) {
    Map<String, String> args = new LinkedHashMap<>();
    Matcher m = ARG.matcher(text);
    int position = 0;
    while (m.find()) {
      String value =
          m.group(2) != null
              ? m.group(2).replace("\\\"", "\"")
              : m.group(3) != null ? m.group(3) : m.group(4);
      args.put(m.group(1) != null ? m.group(1) : String.valueOf(position++), value);
    }
    return args;
  }

  /**
   * The Markdown or HTML a known shortcode renders as, or {@code null} for one this does not know.
   *
   * @param inner the text between the opening and closing tags, or {@code null} when self-closing
   */
  static String render(String name, Map<String, String> args, String inner, Templates.Context ctx) {
    String first = args.getOrDefault("0", "");
    return switch (name) {
      case "youtube" -> {
        String id = args.getOrDefault("id", first);
        String title = args.getOrDefault("title", "Watch on YouTube");
        yield link("https://www.youtube.com/watch?v=" + id, title + " (YouTube)");
      }
      case "vimeo" -> {
        String id = args.getOrDefault("id", first);
        yield link(
            "https://vimeo.com/" + id, args.getOrDefault("title", "Watch on Vimeo") + " (Vimeo)");
      }
      case "x", "tweet" -> {
        String user = args.getOrDefault("user", first);
        String id = args.getOrDefault("id", args.getOrDefault("1", ""));
        yield link("https://x.com/" + user + "/status/" + id, "Post by @" + user + " on X");
      }
      case "gist" -> {
        String user = args.getOrDefault("user", first);
        String id = args.getOrDefault("id", args.getOrDefault("1", ""));
        yield link("https://gist.github.com/" + user + "/" + id, "Gist " + id + " by " + user);
      }
      case "instagram" ->
          link(
              "https://www.instagram.com/p/" + args.getOrDefault("id", first) + "/",
              "Instagram post");
      case "figure" -> figure(args, ctx.bundle());
      case "highlight" -> {
        String options = args.getOrDefault("1", "");
        String body = inner == null ? "" : inner.strip();
        yield "```"
            + first
            + (options.isEmpty() ? "" : " {" + options + "}")
            + "\n"
            + body
            + "\n```";
      }
      case "param" -> {
        Object value = ctx.params().get(args.getOrDefault("name", first));
        yield value == null ? null : Templates.escape(String.valueOf(value));
      }
      default -> null;
    };
  }

  private static String figure(Map<String, String> args, String bundle) {
    String src = BundleImages.rebase(args.getOrDefault("src", args.getOrDefault("0", "")), bundle);
    String alt =
        args.getOrDefault("alt", args.getOrDefault("caption", args.getOrDefault("title", "")));
    StringBuilder html = new StringBuilder("<figure>");
    String img =
        "<img src=\"" + Templates.escape(src) + "\" alt=\"" + Templates.escape(alt) + "\">";
    html.append(
        args.containsKey("link")
            ? "<a href=\"" + Templates.escape(args.get("link")) + "\">" + img + "</a>"
            : img);
    List<String> caption = new ArrayList<>();
    if (args.containsKey("title")) {
      caption.add("<strong>" + Templates.escape(args.get("title")) + "</strong>");
    }
    if (args.containsKey("caption")) {
      caption.add(Templates.escape(args.get("caption")));
    }
    if (!caption.isEmpty()) {
      html.append("<figcaption>").append(String.join(" ", caption)).append("</figcaption>");
    }
    return html.append("</figure>").toString();
  }

  private static String link(String url, String text) {
    return "<a href=\"" + Templates.escape(url) + "\">" + Templates.escape(text) + "</a>";
  }
}
