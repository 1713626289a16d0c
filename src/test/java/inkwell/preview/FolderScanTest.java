package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
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

  @Nested
  class Manifest {

    private static final FileTime LAST_YEAR = FileTime.from(Instant.parse("2025-01-01T00:00:00Z"));

    private Path manifest() {
      return folder.resolveSibling(folder.getFileName() + ".manifest");
    }

    private String hashOf(FolderScan next, String key) throws IOException {
      return next.scan(files()).changed().stream()
          .filter(c -> c.key().equals(key))
          .findFirst()
          .orElseThrow()
          .contentHash();
    }

    /** The same number of bytes, a different content, the old modification time put back. */
    private void editKeepingSizeAndTime(Path file, String text) throws IOException {
      FileTime modified = Files.getLastModifiedTime(file);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Files.setLastModifiedTime(file, modified);
    }

    @Test
    void theNextRunTakesTheRecordedHashOfAFileWhoseSizeAndTimeAreUnchanged() throws IOException {
      Path a = write("a.md", "# A\n");
      Files.setLastModifiedTime(a, LAST_YEAR);
      scan.scan(files());
      scan.saveManifest(manifest());

      // Proof that it is not hashed again: content changed behind size and time, as git's index
      // would not notice either. Any other change is noticed (next test).
      editKeepingSizeAndTime(a, "# Z\n");
      FolderScan next = new FolderScan();
      next.loadManifest(manifest());

      FolderScan.Result found = next.scan(files());
      assertThat(found.changed()).extracting(FolderScan.Changed::key).containsExactly("posts/a.md");
      assertThat(found.changed().get(0).contentHash())
          .isEqualTo(Hashes.sha256Hex("# A\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(new String(found.changed().get(0).source().bytes(), StandardCharsets.UTF_8))
          .isEqualTo("# Z\n");
    }

    @Test
    void aFileWhoseSizeOrTimeChangedIsHashedAgain() throws IOException {
      Path a = write("a.md", "# A\n");
      Path b = write("b.md", "# B\n");
      Files.setLastModifiedTime(a, LAST_YEAR);
      Files.setLastModifiedTime(b, LAST_YEAR);
      scan.scan(files());
      scan.saveManifest(manifest());

      write("a.md", "# A, longer\n");
      Files.setLastModifiedTime(a, LAST_YEAR);
      Files.writeString(b, "# Y\n");
      Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2025-01-02T00:00:00Z")));
      FolderScan next = new FolderScan();
      next.loadManifest(manifest());

      Map<String, String> hashes = new TreeMap<>();
      next.scan(files()).changed().forEach(c -> hashes.put(c.key(), c.contentHash()));
      assertThat(hashes)
          .containsEntry(
              "posts/a.md", Hashes.sha256Hex("# A, longer\n".getBytes(StandardCharsets.UTF_8)))
          .containsEntry("posts/b.md", Hashes.sha256Hex("# Y\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileModifiedWithinTheRacyWindowIsNotRecorded() throws IOException {
      Path a = write("a.md", "# A\n"); // modified now
      scan.scan(files());
      scan.saveManifest(manifest());

      editKeepingSizeAndTime(a, "# Z\n");
      FolderScan next = new FolderScan();
      next.loadManifest(manifest());

      assertThat(hashOf(next, "posts/a.md"))
          .isEqualTo(Hashes.sha256Hex("# Z\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBrokenOrMissingManifestIsNoManifest() throws IOException {
      Path a = write("a.md", "# A\n");
      Files.setLastModifiedTime(a, LAST_YEAR);
      Files.write(manifest(), new byte[] {0, 0, 0, 1, 0, 0, 0, 9, 1, 2});
      FolderScan broken = new FolderScan();
      broken.loadManifest(manifest());
      FolderScan none = new FolderScan();
      none.loadManifest(folder.resolve("no-such-manifest"));

      String expected = Hashes.sha256Hex("# A\n".getBytes(StandardCharsets.UTF_8));
      assertThat(hashOf(broken, "posts/a.md")).isEqualTo(expected);
      assertThat(hashOf(none, "posts/a.md")).isEqualTo(expected);
    }
  }
}
