package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview tool keeps working (it is only run by hand otherwise). */
class ThemePreviewTest {

  @Test
  void thePreviewWritesTheStylesheetAndOneFilePerSamplePage(@TempDir Path dir) throws IOException {
    List<Path> files = ThemePreview.write(dir);
    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .containsExactly(
            "site.css",
            "post.html",
            "draft.html",
            "home.html",
            "empty.html",
            "tags.html",
            "404.html");
    assertThat(Files.readString(dir.resolve("post.html")))
        .contains("<link rel=\"stylesheet\" href=\"site.css\">");
  }
}
