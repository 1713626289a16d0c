package inkwell.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A script the local preview adds to every HTML page (its live reload), allowed by the page's
 * Content-Security-Policy through the script's hash and nothing else. The public site has none: its
 * pages carry no script and its policy allows none. The script may connect to the site itself only
 * (the policy's {@code connect-src 'self'}).
 *
 * @param source the script's JavaScript, inlined as is
 */
public record PageScript(String source) {

  public PageScript {
    Objects.requireNonNull(source, "source");
    if (source.contains("</")) {
      throw new IllegalArgumentException("an inline script cannot contain \"</\"");
    }
  }

  /** The {@code <script>} element, placed just before {@code </body>}. */
  String element() {
    return "<script>" + source + "</script>";
  }

  /** The policy's source expression for exactly this script: {@code 'sha256-...'}. */
  String hashSource() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** {@code policy} with this script allowed. */
  String allowIn(String policy) {
    return policy + "; script-src " + hashSource();
  }

  /** {@code html} with the script added before its last {@code </body>}; as is without one. */
  byte[] addTo(byte[] html) {
    String page = new String(html, StandardCharsets.UTF_8);
    int end = page.lastIndexOf("</body>");
    if (end < 0) {
      return html;
    }
    return (page.substring(0, end) + element() + page.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }
}
