package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stylesheet: fingerprinted path, what it must contain, colour contrast. */
class ThemeTest {

  private static final Theme THEME = Theme.load();
  private static final String CSS = new String(THEME.css(), StandardCharsets.UTF_8);

  @Test
  void theStylesheetPathIsTheFirstTenHexDigitsOfTheSha256OfTheCss() throws Exception {
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(THEME.css()));
    assertThat(THEME.stylesheetPath()).isEqualTo("/assets/site." + hex.substring(0, 10) + ".css");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "'', /assets/site.e3b0c44298.css",
    "body{}, /assets/site.7c98040a54.css",
    "body{ }, /assets/site.531736e265.css"
  })
  void theFingerprintChangesWhenTheCssChanges(String css, String path) {
    assertThat(Theme.stylesheetPath(css)).isEqualTo(path);
  }

  @Test
  void cssBytesAreACopy() {
    THEME.css()[0] = 0;
    assertThat(THEME.css()[0]).isNotZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dark mode              | @media (prefers-color-scheme: dark)",
        "print styles           | @media print",
        "keyboard focus         | :focus-visible",
        "a comfortable measure  | --measure: 68ch",
        "system fonts           | system-ui",
        "scrolling code blocks  | overflow-x: auto",
        "task-list checkboxes   | input[type=\"checkbox\"]",
        "footnotes              | .footnotes",
        "blockquotes            | blockquote",
        "link URLs in print     | attr(href)",
        "a small-screen layout  | @media (max-width: 30rem)"
      })
  void theStylesheetCovers(String what, String css) {
    assertThat(CSS).contains(css);
  }

  @Test
  void theStylesheetMakesNoExternalRequests() {
    assertThat(CSS)
        .doesNotContain("@import")
        .doesNotContain("@font-face")
        .doesNotContainPattern("url\\s*\\(");
  }

  @Test
  void bodyTextPassesWcagAaInBothColourSchemes() {
    Map<String, String> light = colours(block(":root {"));
    Map<String, String> dark = colours(block("@media (prefers-color-scheme: dark) {"));
    for (Map<String, String> scheme : java.util.List.of(light, dark)) {
      for (String background : new String[] {"--bg", "--code-bg"}) {
        for (String text : new String[] {"--text", "--muted", "--link", "--visited"}) {
          assertThat(contrast(scheme.get(text), scheme.get(background)))
              .as("%s on %s in %s", text, background, scheme)
              .isGreaterThanOrEqualTo(4.5);
        }
      }
      assertThat(contrast(scheme.get("--banner-text"), scheme.get("--banner-bg")))
          .isGreaterThanOrEqualTo(4.5);
    }
    assertThat(contrast(light.get("--text"), light.get("--bg"))).isGreaterThanOrEqualTo(7);
    assertThat(contrast(dark.get("--text"), dark.get("--bg"))).isGreaterThanOrEqualTo(7);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "light | :root {                                       | :root {",
        "dark  | @media screen and (prefers-color-scheme: dark) { | @media (prefers-color-scheme: dark) {",
        "print | :root {                                       | @media print {"
      })
  void everyCodeTokenColourPassesWcagAaOnTheCodeBackgroundAndOnMarkedLines(
      String scheme, String tokenBlock, String backgroundBlock) {
    Map<String, String> colours = colours(block(tokenBlock.strip()));
    colours.putAll(colours(block(backgroundBlock.strip())));
    Map<String, String> tokens = new LinkedHashMap<>(colours);
    tokens.keySet().removeIf(name -> !name.startsWith("--tok-"));
    assertThat(tokens).as("token colours in %s", scheme).hasSize(16);
    tokens.put("--text", colours.getOrDefault("--text", "#000000"));
    tokens.put("--muted", colours.getOrDefault("--muted", "#000000"));
    for (String background : new String[] {"--code-bg", "--code-hl-bg"}) {
      tokens.forEach(
          (name, colour) ->
              assertThat(contrast(colour, colours.get(background)))
                  .as(
                      "%s %s on %s %s in %s",
                      name, colour, background, colours.get(background), scheme)
                  .isGreaterThanOrEqualTo(4.5));
    }
  }

  @Test
  void theContrastTableInTheCssCommentIsTrue() {
    Matcher row =
        Pattern.compile("\\* {3}[a-z ]+?\\s+(#\\p{XDigit}{6})\\s+(#\\p{XDigit}{6})\\s+([\\d.]+):1")
            .matcher(CSS);
    int rows = 0;
    while (row.find()) {
      rows++;
      double ratio = contrast(row.group(1), row.group(2));
      assertThat(String.format(java.util.Locale.ROOT, "%.2f", ratio))
          .as(row.group())
          .isEqualTo(row.group(3));
    }
    assertThat(rows).isEqualTo(14 + 2 * 16);
  }

  @Test
  void contrastIsComputedAsWcagDefinesIt() {
    assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0);
    assertThat(contrast("#777777", "#ffffff")).isBetween(4.47, 4.49);
  }

  /** The text of the first rule block that starts with {@code opening}, up to its closing brace. */
  private static String block(String opening) {
    int start = CSS.indexOf(opening);
    assertThat(start).as(opening).isNotNegative();
    int depth = 0;
    for (int i = start; i < CSS.length(); i++) {
      char c = CSS.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return CSS.substring(start, i + 1);
      }
    }
    throw new AssertionError("unclosed " + opening);
  }

  private static Map<String, String> colours(String block) {
    Map<String, String> colours = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(--[a-z-]+):\\s*(#\\p{XDigit}{6});").matcher(block);
    while (m.find()) {
      colours.put(m.group(1), m.group(2));
    }
    return colours;
  }

  /** WCAG 2.x contrast ratio of two {@code #rrggbb} colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] rgb = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }
}
