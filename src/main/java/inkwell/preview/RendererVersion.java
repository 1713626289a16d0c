package inkwell.preview;

import inkwell.config.BlogConfig;
import inkwell.pipeline.PostPipeline;
import inkwell.post.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The version of the renderer the preview runs, for {@link DiskRenderCache}'s keys: the pipeline's
 * {@link PostPipeline#RENDER_VERSION}, a hash of the code it runs (every class of the project's jar
 * or classes folder, byte for byte), the class path (so any library upgrade counts) and the
 * settings that change what the pipeline makes. Any change of the code, even one that forgot to
 * raise the render version, renders every post again.
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

  /**
   * The SHA-256 of every file in a jar or under a classes folder, by name and content: not of the
   * jar's own bytes, which change with every rebuild (entry times) when no class does.
   */
  static String codeHash(Path code) {
    if (code == null) {
      return "unknown";
    }
    try {
      if (Files.isRegularFile(code)) {
        return jarHash(code);
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

  private static String jarHash(Path jar) throws IOException {
    StringBuilder all = new StringBuilder();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> entries =
          zip.stream()
              .filter(e -> !e.isDirectory())
              .sorted(Comparator.comparing(ZipEntry::getName))
              .toList();
      for (ZipEntry entry : entries) {
        try (InputStream in = zip.getInputStream(entry)) {
          all.append(entry.getName())
              .append(' ')
              .append(Hashes.sha256Hex(in.readAllBytes()))
              .append('\n');
        }
      }
    }
    return Hashes.sha256Hex(all.toString());
  }
}
