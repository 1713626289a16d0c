package inkwell.pipeline;

import java.util.Locale;

/**
 * Hugo's rules for turning text into a path (its {@code PathSpec.MakePathSanitized} and {@code
 * URLize}, with the default settings: paths lower-cased, accents kept): letters, digits, marks and
 * {@code . / _ - # ~ @} stay, a run of spaces or hyphens becomes one hyphen, everything else
 * (including {@code +}) is dropped. So Hugo keeps {@code _}, unlike Inkwell's slugs. Checked
 * against Hugo 0.111.3's output (PermalinksTest). Stateless.
 */
final class HugoPaths {

  private HugoPaths() {}

  /** A title or slug as a path segment: {@code "Hello, World!"} is {@code hello-world}. */
  static String urlize(String text) {
    return text == null ? "" : sanitize(text);
  }

  /** A whole path, sanitized and lower-cased as Hugo writes it. */
  static String sanitize(String path) {
    StringBuilder target = new StringBuilder(path.length());
    boolean hyphen = false;
    for (int i = 0; i < path.length(); ) {
      int c = path.codePointAt(i);
      i += Character.charCount(c);
      boolean allowed =
          c == '.'
              || c == '/'
              || c == '_'
              || c == '#'
              || c == '~'
              || c == '@'
              || Character.isLetterOrDigit(c)
              || Character.getType(c) == Character.NON_SPACING_MARK
              || Character.getType(c) == Character.COMBINING_SPACING_MARK
              || Character.getType(c) == Character.ENCLOSING_MARK;
      if (allowed) {
        if (hyphen) {
          target.append('-');
          hyphen = false;
        }
        target.appendCodePoint(c);
      } else if ((c == '-' || Character.isWhitespace(c)) && target.length() > 0) {
        hyphen = true;
      }
    }
    return target.toString().toLowerCase(Locale.ROOT);
  }
}
