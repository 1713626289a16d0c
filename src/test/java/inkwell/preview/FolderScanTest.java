package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScanTest {

  @TempDir Path folder;
  private final FolderScan scan = new FolderScan();

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Map<String, Path> files() throws IOException {
    Map<String, Path> files = new TreeMap<>();
    try (var list = Files.list(folder)) {
      list.forEach(f -> files.put("posts/" + f.getFileName(), f));
    }
    return files;
  }

  @Test
  void newFilesAreChangedWithTheirBytesAndTimeInKeyOrder() throws IOException {
    Path b = write("b.md", "# B\n");
    write("a.md", "# A\n");
    Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));

    FolderScan.Result found = scan.scan(files());

    assertThat(found.changed())
        .extracting(FolderScan.Changed::key)
        .containsExactly("posts/a.md", "posts/b.md");
    FolderScan.Changed second = found.changed().get(1);
    assertThat(new String(second.source().bytes(), StandardCharsets.UTF_8)).isEqualTo("# B\n");
    assertThat(second.source().lastModified()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(found.removed()).isEmpty();
  }

  @Test
  void aSecondScanOfUnchangedFilesFindsNothing() throws IOException {
    write("a.md", "# A\n");
    scan.scan(files());
    assertThat(scan.scan(files()).isEmpty()).isTrue();
  }

  @Test
  void anEditIsChangedAndATouchWithTheSameContentIsNot() throws IOException {
    Path a = write("a.md", "# A\n");
    Path b = write("b.md", "# B\n");
    scan.scan(files());

    write("a.md", "# A, longer now\n");
    Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

    assertThat(scan.scan(files()).changed())
        .extracting(FolderScan.Changed::key)
        .containsExactly("posts/a.md");
    assertThat(a).exists();
  }

  @Test
  void aDeletedFileIsRemovedOnceAndAForgottenOneIsReadAgain() throws IOException {
    write("a.md", "# A\n");
    write("b.md", "# B\n");
    scan.scan(files());
    Files.delete(folder.resolve("b.md"));
    scan.forget("posts/a.md");

    FolderScan.Result found = scan.scan(files());

    assertThat(found.removed()).containsExactly("posts/b.md");
    assertThat(found.changed()).extracting(FolderScan.Changed::key).containsExactly("posts/a.md");
    assertThat(scan.scan(files()).isEmpty()).isTrue();
  }
}
