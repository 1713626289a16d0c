package inkwell.pipeline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the pipeline may ask about a site's other files, to report a dangling {@code ref}/{@code
 * post_url} ({@link inkwell.post.PostError.Kind#BROKEN_REFERENCE}) and a missing image ({@link
 * inkwell.post.PostError.Kind#MISSING_IMAGE}). Its caller passes it to {@link PostPipeline#parse(
 * Source, SiteFiles)}: a folder on this machine ({@code ./inkwell check}, the preview), or the
 * bucket (the publish function).
 */
public interface SiteFiles {

  /** True if a source with this key exists ({@code posts/other.md}). */
  boolean hasSource(String key);

  /** True if the media store holds this path ({@code img/x.png}, {@code posts/trip/view.png}). */
  boolean hasMedia(String path);

  /**
   * True when every file of the site is known (a folder on this machine): a dangling reference is
   * then an error. False on AWS, where its target may simply not be uploaded yet: a warning.
   */
  boolean complete();

  /** Checks nothing: every file exists. What {@link PostPipeline#parse(Source)} uses. */
  SiteFiles UNCHECKED =
      new SiteFiles() {
        @Override
        public boolean hasSource(String key) {
          return true;
        }

        @Override
        public boolean hasMedia(String path) {
          return true;
        }

        @Override
        public boolean complete() {
          return false;
        }
      };

  /**
   * The media path the site serves at an address path ({@code /media/x.png} and {@code /x.png} are
   * both {@code x.png}), or empty for a remote URL ({@code https:}, {@code //host}), a data URL, a
   * fragment or an empty path. A relative path is taken from {@code base} (the page's address,
   * {@code /hello/}).
   */
  static Optional<String> mediaPath(String src, String base) {
    String path = src.strip();
    int cut = indexOfAny(path, "?#");
    path = cut < 0 ? path : path.substring(0, cut);
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    if (path.isEmpty() || path.startsWith("//") || (colon >= 0 && (slash < 0 || colon < slash))) {
      return Optional.empty();
    }
    if (!path.startsWith("/")) {
      path = base + (path.startsWith("./") ? path.substring(2) : path);
    }
    try {
      path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a stray % : the path as written
    }
    path = path.substring(1);
    return Optional.of(path.startsWith("media/") ? path.substring("media/".length()) : path);
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
