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
    Path memo = dir.resolve("memo");
    assertThat(RendererVersion.of(List.of("posts/", "pages/", "1048576", "UTC"), memo))
        .isEqualTo(RendererVersion.of(List.of("posts/", "pages/", "1048576", "UTC"), memo))
        .isNotEqualTo(
            RendererVersion.of(List.of("posts/", "pages/", "1048576", "Europe/Berlin"), memo));
  }

  @Test
  void aJarsHashIsRememberedUntilTheJarIsRewritten() throws IOException {
    Path jar = jar("a.jar", 0, "inkwell/A.class", "one");
    Path memo = dir.resolve("cache/code-version");
    String hash = RendererVersion.codeHash(jar, memo);
    assertThat(hash).isEqualTo(RendererVersion.codeHash(jar));
    assertThat(Files.readString(memo)).endsWith(hash);

    // What the memo says is what a start takes, as long as the jar looks the same...
    String planted = Files.readString(memo).replace(hash, "f".repeat(64));
    Files.writeString(memo, planted);
    assertThat(RendererVersion.codeHash(jar, memo)).isEqualTo("f".repeat(64));

    // ...and a rebuilt jar (another modification time) is hashed again.
    FileTime modified = Files.getLastModifiedTime(jar);
    jar("a.jar", 0, "inkwell/A.class", "uno");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(modified.toMillis() + 2_000));
    String rebuilt = RendererVersion.codeHash(jar, memo);
    assertThat(rebuilt).isNotEqualTo(hash).isNotEqualTo("f".repeat(64));
    assertThat(Files.readString(memo)).endsWith(rebuilt);
  }

  @Test
  void aMemoThatIsNotOneIsIgnored() throws IOException {
    Path jar = jar("a.jar", 0, "inkwell/A.class", "one");
    Path memo = Files.writeString(dir.resolve("code-version"), "not a memo");
    assertThat(RendererVersion.codeHash(jar, memo)).isEqualTo(RendererVersion.codeHash(jar));
  }
}
