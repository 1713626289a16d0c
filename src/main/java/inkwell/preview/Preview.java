package inkwell.preview;

import inkwell.migrate.SiteRoot;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The local preview command: {@code ./preview [FOLDER] [--port N] [--drafts] [--aws]}. Prints the
 * URL, then keeps the pages in step with the folder until stopped with Ctrl-C. Mistakes (a missing
 * folder, a port in use) end it with a message and a non-zero exit code.
 */
public final class Preview {

  private Preview() {}

  /** For a Hugo or Jekyll site root: what was read, and where the migration report is. */
  private static void describeSite(Path folder) {
    try {
      SiteRoot site = SiteRoot.detect(folder);
      if (site.kind() != SiteRoot.Kind.FOLDER) {
        System.out.println(
            "  "
                + (site.kind() == SiteRoot.Kind.HUGO ? "Hugo" : "Jekyll")
                + " site: posts from "
                + site.root().relativize(site.posts())
                + ", permalinks "
                + site.settings().permalinks().spec()
                + "; ./inkwell check "
                + folder
                + " prints the migration report");
      }
    } catch (java.io.IOException e) {
      // The server started, so the config was read; nothing to add.
    }
  }

  public static void main(String[] args) {
    Path project = Path.of(System.getProperty("inkwell.project.dir", "."));
    PreviewOptions options;
    try {
      options = PreviewOptions.parse(Arrays.asList(args), project.resolve("examples/posts"));
    } catch (PreviewOptions.UsageException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("preview: " + e.getMessage());
      }
      System.err.print(PreviewOptions.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 64);
      return;
    }
    try {
      PreviewServer server =
          PreviewServer.start(
              options,
              java.util.Map.of(),
              url -> {
                System.out.println();
                System.out.println(
                    "Inkwell preview of "
                        + (options.aws()
                            ? "S3 and DynamoDB"
                            : options.folder().toAbsolutePath().normalize().toString())
                        + (options.drafts() ? " (drafts and scheduled posts shown)" : ""));
                if (!options.aws()) {
                  describeSite(options.folder());
                }
                System.out.println("  open " + url + "   (Ctrl-C stops it)");
              });
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "inkwell-preview-stop"));
      Thread.currentThread().join();
    } catch (PreviewServer.StartupException e) {
      System.err.println("preview: " + e.getMessage());
      System.exit(e.exitCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
