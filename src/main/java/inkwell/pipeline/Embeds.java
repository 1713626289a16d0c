package inkwell.pipeline;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Third-party embeds written as raw HTML: an {@code <iframe>} becomes a link to what it shows (a
 * YouTube player to the video's page), so the reader's page makes no request to another site and
 * runs nothing of it. Stateless.
 */
final class Embeds {

  private static final Pattern IFRAME =
      Pattern.compile(
          "<iframe\\b([^>]*)>(?:.*?</iframe\\s*>)?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern SRC =
      Pattern.compile(
          "\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE =
      Pattern.compile("\\btitle\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
  private static final Pattern YOUTUBE_EMBED =
      Pattern.compile("https?://(?:www\\.)?youtube(?:-nocookie)?\\.com/embed/([\\w-]+).*");

  private Embeds() {}

  /** The link that replaces the {@code <iframe>} at {@code start}, or {@code null} if none. */
  static Templates.Replacement iframe(String text, int start) {
    Matcher m = IFRAME.matcher(text).region(start, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    Matcher src = SRC.matcher(m.group(1));
    if (!src.find()) {
      return new Templates.Replacement(m.end(), "", null);
    }
    String url = first(src);
    if (url.startsWith("//")) {
      url = "https:" + url;
    }
    Matcher youtube = YOUTUBE_EMBED.matcher(url);
    if (youtube.matches()) {
      url = "https://www.youtube.com/watch?v=" + youtube.group(1);
    }
    String host;
    try {
      host = new URI(url).getHost();
    } catch (URISyntaxException e) {
      host = null;
    }
    if (host == null) {
      return new Templates.Replacement(m.end(), "", null);
    }
    // Not "www.x": the autolink extension would make a second link of it.
    host = host.startsWith("www.") ? host.substring(4) : host;
    Matcher title = TITLE.matcher(m.group(1));
    String text1 =
        title.find() ? first(title) + " (" + host + ")" : "Embedded content from " + host;
    return new Templates.Replacement(
        m.end(),
        "<a href=\"" + Templates.escape(url) + "\">" + Templates.escape(text1) + "</a>",
        null);
  }

  private static String first(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return "";
  }
}
