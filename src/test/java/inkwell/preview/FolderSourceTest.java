package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.pipeline.Source;
import inkwell.storage.SourceStore.StoredSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

  @TempDir Path folder;

  private String text(StoredSource source) {
    return new String(source.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aFileIsReadUnderItsBucketKey() throws IOException {
    Files.writeString(folder.resolve("hello.md"), "# Hello\n");
    FolderSource source = new FolderSource(folder, "posts/");

    assertThat(source.read("posts/hello.md", null)).map(this::text).hasValue("# Hello\n");
    assertThat(source.read("posts/missing.md", null)).isEmpty();
  }

  @Test
  void aPinnedSourceIsAnsweredAsTheRescanReadItUntilUnpinned() throws IOException {
    Files.writeString(folder.resolve("hello.md"), "# Saved since\n");
    FolderSource source = new FolderSource(folder, "posts/");
    Instant read = Instant.parse("2025-03-01T10:00:00Z");
    source.pin(
        Map.of(
            "posts/hello.md",
            new Source("posts/hello.md", "# As read\n".getBytes(StandardCharsets.UTF_8), read)));

    StoredSource pinned = source.read("posts/hello.md", null).orElseThrow();
    assertThat(text(pinned)).isEqualTo("# As read\n");
    assertThat(pinned.lastModified()).isEqualTo(read);

    source.unpin();
    assertThat(source.read("posts/hello.md", null)).map(this::text).hasValue("# Saved since\n");
  }
}
