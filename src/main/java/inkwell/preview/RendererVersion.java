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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The version of the renderer the preview runs, for {@link DiskRenderCache}'s keys: the pipeline's
 * {@link PostPipeline#RENDER_VERSION}, a hash of the code it runs (every class of the project's jar
 * or classes folder, byte for byte), the class path (so any library upgrade counts) and the
 * settings that change what the pipeline makes. Any change of the code, even one that forgot to
 * raise the render version, renders every post again.
 *
 * <p>Hashing every class of the jar costs a start about a third of its main thread (SHA-256 in a
 * JVM that has not compiled it yet), so the jar's hash is remembered in a file next to the render
 * cache, under the jar's path, size and modification time, as git's index remembers a file's hash:
 * a rebuilt jar has a new modification time and is hashed again.
 */
final class RendererVersion {

  /** The file in the render cache's folder that remembers the jar's hash. */
  static final String MEMO = "code-version";

  private RendererVersion() {}

  /**
   * The version of the running code with {@code config}'s pipeline settings; the jar's hash is
   * remembered in {@code memo} (see above).
   */
  static String of(BlogConfig config, Path memo) {
    return of(
        List.of(
            config.getPostsPrefix(),
            config.getPagesPrefix(),
            String.valueOf(config.getMaxSourceBytes()),
            config.getTimeZone()),
        memo);
  }

  static String of(List<String> settings, Path memo) {
    String code = codeHash(codeSource(), memo);
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
   * {@link #codeHash(Path)}, for a jar read from {@code memo} when the jar's path, size and
   * modification time are those recorded there, and recorded there otherwise. A classes folder is
   * hashed every time.
   */
  static String codeHash(Path code, Path memo) {
    if (code == null || !Files.isRegularFile(code)) {
      return codeHash(code);
    }
    try {
      BasicFileAttributes jar = Files.readAttributes(code, BasicFileAttributes.class);
      String identity =
          code.toAbsolutePath()
              + "\n"
              + jar.size()
              + "\n"
              + jar.lastModifiedTime().to(TimeUnit.NANOSECONDS)
              + "\n";
      String recorded = Files.isRegularFile(memo) ? Files.readString(memo) : "";
      if (recorded.startsWith(identity) && recorded.length() == identity.length() + 64) {
        return recorded.substring(identity.length());
      }
      String hash = codeHash(code);
      write(memo, identity + hash);
      return hash;
    } catch (IOException | RuntimeException e) {
      return codeHash(code); // an unreadable or unwritable memo costs time, nothing else
    }
  }

  private static void write(Path memo, String text) throws IOException {
    Files.createDirectories(memo.toAbsolutePath().getParent());
    Path temporary = Files.createTempFile(memo.toAbsolutePath().getParent(), ".code", ".tmp");
    try {
      Files.writeString(temporary, text);
      Files.move(temporary, memo, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
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
