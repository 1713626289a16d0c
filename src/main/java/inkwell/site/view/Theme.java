package inkwell.site.view;

import inkwell.post.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The theme's stylesheet and the fingerprinted path it is served at.
 *
 * <pre>{@code
 * Theme theme = Theme.load();
 * SiteInfo site = new SiteInfo(..., theme.stylesheetPath());  // /assets/site.3f2a9c01b7.css
 * // GET theme.stylesheetPath() -> theme.css(), text/css, Cache-Control: max-age=31536000, immutable
 * }</pre>
 *
 * <p>The path changes whenever the CSS does, so it can be cached for a year. Immutable and
 * thread-safe; load it once.
 */
public final class Theme {

  /** Where the stylesheet lives on the class path. */
  static final String STYLESHEET_RESOURCE = "/inkwell/site/view/site.css";

  private final byte[] css;
  private final String stylesheetPath;

  private Theme(byte[] css) {
    this.css = css.clone();
    this.stylesheetPath = stylesheetPath(new String(css, StandardCharsets.UTF_8));
  }

  /** The theme shipped with Inkwell. */
  public static Theme load() {
    try (InputStream in = Theme.class.getResourceAsStream(STYLESHEET_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + STYLESHEET_RESOURCE);
      }
      return new Theme(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STYLESHEET_RESOURCE, e);
    }
  }

  /** The stylesheet, UTF-8. A copy: callers may not change the theme. */
  public byte[] css() {
    return css.clone();
  }

  /** {@code /assets/site.<first 10 hex digits of the SHA-256 of the CSS>.css}. */
  public String stylesheetPath() {
    return stylesheetPath;
  }

  /** The fingerprinted path for this stylesheet text. */
  public static String stylesheetPath(String css) {
    return "/assets/site." + Hashes.sha256Hex(css).substring(0, 10) + ".css";
  }
}
