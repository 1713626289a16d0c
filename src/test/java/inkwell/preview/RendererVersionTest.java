package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererVersionTest {

  @TempDir Path dir;

  private Path jar(String name, long time, String... namesAndContents) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream raw = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        ZipEntry entry = new ZipEntry(namesAndContents[i]);
        entry.setLastModifiedTime(FileTime.fromMillis(time));
        zip.putNextEntry(entry);
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aJarRebuiltWithTheSameClassesHasTheSameHash() throws IOException {
    Path first = jar("a.jar", 1_000_000L, "inkwell/A.class", "one", "inkwell/B.class", "two");
    Path rebuilt = jar("b.jar", 9_000_000L, "inkwell/A.class", "one", "inkwell/B.class", "two");
    assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(rebuilt));
    assertThat(RendererVersion.codeHash(rebuilt)).isEqualTo(RendererVersion.codeHash(first));
  }

  @Test
  void aJarWithOneClassChangedOrRenamedHasAnotherHash() throws IOException {
    String base = RendererVersion.codeHash(jar("a.jar", 0, "inkwell/A.class", "one"));
    assertThat(RendererVersion.codeHash(jar("b.jar", 0, "inkwell/A.class", "uno")))
        .isNotEqualTo(base);
    assertThat(RendererVersion.codeHash(jar("c.jar", 0, "inkwell/Z.class", "one")))
        .isNotEqualTo(base);
  }

  @Test
  void aClassesFolderHashesEveryFileItHolds() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes/inkwell"));
    Files.writeString(classes.resolve("A.class"), "one");
    String before = RendererVersion.codeHash(dir.resolve("classes"));
    Files.writeString(classes.resolve("A.class"), "uno");
    assertThat(RendererVersion.codeHash(dir.resolve("classes"))).isNotEqualTo(before);
  }

  @Test
  void theSettingsArePartOfTheVersion() {
    assertThat(RendererVersion.of(List.of("posts/", "pages/", "1048576", "UTC")))
        .isEqualTo(RendererVersion.of(List.of("posts/", "pages/", "1048576", "UTC")))
        .isNotEqualTo(RendererVersion.of(List.of("posts/", "pages/", "1048576", "Europe/Berlin")));
  }
}
