package inkwell.site.view;

import inkwell.post.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The theme's stylesheet and the fingerprinted path it is served at, and its default icon.
 *
 * <pre>{@code
 * Theme theme = Theme.load();
 * SiteInfo site = new SiteInfo(..., theme.stylesheetPath());  // /assets/site.3f2a9c01b7.css
 * // GET theme.stylesheetPath() -> theme.css(), text/css, Cache-Control: max-age=31536000, immutable
 * // GET /favicon.ico -> the author's media/favicon.ico if there is one, else theme.icon()
 * }</pre>
 *
 * <p>The path changes whenever the CSS does, so it can be cached for a year. Immutable and
 * thread-safe; load it once.
 */
public final class Theme {

  /** Where the stylesheet lives on the class path. */
  static final String STYLESHEET_RESOURCE = "/inkwell/site/view/site.css";

  /**
   * Where the default icon lives on the class path: an ICO file holding 16, 32 and 48 px PNGs,
   * drawn from {@code scripts/favicon/favicon.svg} by {@code scripts/favicon/make-favicon}.
   */
  static final String ICON_RESOURCE = "/inkwell/site/view/favicon.ico";

  private final byte[] css;
  private final String stylesheetPath;
  private final byte[] icon;

  private Theme(byte[] css, byte[] icon) {
    this.css = css.clone();
    this.stylesheetPath = stylesheetPath(new String(css, StandardCharsets.UTF_8));
    this.icon = icon.clone();
  }

  /** The theme shipped with Inkwell. */
  public static Theme load() {
    return new Theme(resource(STYLESHEET_RESOURCE), resource(ICON_RESOURCE));
  }

  private static byte[] resource(String name) {
    try (InputStream in = Theme.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** The stylesheet, UTF-8. A copy: callers may not change the theme. */
  public byte[] css() {
    return css.clone();
  }

  /**
   * The icon every page links to at {@code /favicon.ico} ({@code image/x-icon}), unless the
   * author's media holds a {@code favicon.ico} of its own. A copy.
   */
  public byte[] icon() {
    return icon.clone();
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
