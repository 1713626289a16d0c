package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every relative link in the README and docs/ leads somewhere: the file exists, and an {@code
 * #anchor} names a heading of that file (as GitHub makes anchors from headings). The README is a
 * short front door to docs/; this keeps its doors and the docs' cross-references open.
 */
class DocLinksTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|<img src=\"([^\"]+)\"");

  static Stream<Path> documents() {
    return inkwell.docs.Docs.files().stream();
  }

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String anchor(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  private static List<String> anchors(Path file) throws IOException {
    List<String> anchors = new ArrayList<>();
    boolean code = false;
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("```")) {
        code = !code;
      } else if (!code && line.startsWith("#")) {
        anchors.add(anchor(line.replaceFirst("^#+", "")));
      }
    }
    return anchors;
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyRelativeLinkLeadsToAFileAndHeadingThatExist(Path document) throws IOException {
    Matcher link = LINK.matcher(Files.readString(document));
    while (link.find()) {
      String target = link.group(1) != null ? link.group(1) : link.group(2);
      if (target.matches("^[a-z]+:.*")) {
        continue; // https:, mailto:
      }
      int hash = target.indexOf('#');
      String file = hash < 0 ? target : target.substring(0, hash);
      Path resolved =
          file.isEmpty()
              ? document
              : document.toAbsolutePath().getParent().resolve(file).normalize();
      assertThat(resolved).as("%s links to %s", document, target).exists();
      if (hash >= 0 && resolved.toString().endsWith(".md")) {
        assertThat(anchors(resolved))
            .as("%s links to %s", document, target)
            .contains(target.substring(hash + 1));
      }
    }
  }
}
