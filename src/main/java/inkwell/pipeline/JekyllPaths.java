package inkwell.pipeline;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jekyll's {@code Utils.slugify} for the modes its permalinks use: {@code pretty} (for {@code
 * :title}; keeps {@code . _ ~ ! $ & ' ( ) + , ; = @} and, with {@code cased}, the case) and {@code
 * default} (for {@code :slug}; letters and digits only, lower-cased). Stateless.
 */
final class JekyllPaths {

  private static final Pattern PRETTY = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+");
  private static final Pattern DEFAULT = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}]+");
  private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$");

  private JekyllPaths() {}

  /**
   * @param pretty {@code pretty} mode, case kept (Jekyll's {@code :title}); else {@code default}
   *     mode, lower-cased
   */
  static String slugify(String text, boolean pretty) {
    if (text == null) {
      return "";
    }
    String slug = (pretty ? PRETTY : DEFAULT).matcher(text).replaceAll("-");
    slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
    return pretty ? slug : slug.toLowerCase(Locale.ROOT);
  }
}
