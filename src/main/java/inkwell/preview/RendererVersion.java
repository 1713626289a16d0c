package inkwell.preview;

import inkwell.config.BlogConfig;
import inkwell.pipeline.PostPipeline;
import inkwell.post.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * The version of the renderer the preview runs, for {@link DiskRenderCache}'s keys: the pipeline's
 * {@link PostPipeline#RENDER_VERSION}, a hash of the code it runs (the project's jar or classes,
 * byte for byte), the class path (so any library upgrade counts) and the settings that change what
 * the pipeline makes. Any change of the code, even one that forgot to raise the render version,
 * renders every post again.
 */
final class RendererVersion {

  private RendererVersion() {}

  /** The version of the running code with {@code config}'s pipeline settings. */
  static String of(BlogConfig config) {
    return of(
        List.of(
            config.getPostsPrefix(),
            config.getPagesPrefix(),
            String.valueOf(config.getMaxSourceBytes()),
            config.getTimeZone()));
  }

  static String of(List<String> settings) {
    String code = codeHash(codeSource());
    return Hashes.sha256Hex(
        PostPipeline.RENDER_VERSION
            + "\n"
            + code
            + "\n"
            + System.getProperty("java.class.path", "")
            + "\n"
            + String.join("\n", settings));
  }

  private static Path codeSource() {
    CodeSource source = PostPipeline.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The SHA-256 of a jar, or of every file under a classes folder (names and contents). */
  static String codeHash(Path code) {
    if (code == null) {
      return "unknown";
    }
    try {
      if (Files.isRegularFile(code)) {
        return Hashes.sha256Hex(Files.readAllBytes(code));
      }
      StringBuilder all = new StringBuilder();
      try (Stream<Path> files = Files.walk(code)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          all.append(code.relativize(file))
              .append(' ')
              .append(Hashes.sha256Hex(Files.readAllBytes(file)))
              .append('\n');
        }
      }
      return Hashes.sha256Hex(all.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the preview's code at " + code, e);
    }
  }
}
