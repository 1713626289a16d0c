package inkwell.preview;

import inkwell.migrate.SiteRoot;
import inkwell.site.PreviewNotes;
import inkwell.support.StructuredLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A running preview: Micronaut's HTTP server with the site's controller, over a watched folder (or
 * over S3 and DynamoDB with {@code --aws}). Start it, read {@link #url()}, close it.
 */
public final class PreviewServer implements AutoCloseable {

  /** Why the preview cannot start, said so that the author can fix it; no stack trace. */
  public static final class StartupException extends Exception {
    private final int exitCode;

    StartupException(String message, int exitCode) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final ApplicationContext context;
  private final FolderWatcher watcher;
  private final String url;

  /** The longest request line the preview's server reads (bytes); longer ones get Netty's 413. */
  static final int MAX_REQUEST_LINE = 1 << 20;

  private PreviewServer(ApplicationContext context, FolderWatcher watcher, String url) {
    this.context = context;
    this.watcher = watcher;
    this.url = url;
  }

  public static PreviewServer start(PreviewOptions options) throws StartupException {
    return start(options, Map.of());
  }

  /** The site at {@code folder}: a Hugo or Jekyll site root, or a plain folder of posts. */
  private static SiteRoot siteRoot(Path folder) throws StartupException {
    try {
      return SiteRoot.detect(folder);
    } catch (java.io.IOException e) {
      throw new StartupException("cannot read the site's config: " + e.getMessage(), 2);
    }
  }

  /** Starts the preview with extra configuration properties (tests, tools). */
  public static PreviewServer start(PreviewOptions options, Map<String, Object> extra)
      throws StartupException {
    return start(options, extra, url -> {});
  }

  /**
   * Starts the preview; {@code listening} is told its address as soon as the server listens, before
   * the folder is loaded (until then every page is the loading page, see {@link LoadingGate}).
   * Returns once the folder is loaded.
   */
  public static PreviewServer start(
      PreviewOptions options, Map<String, Object> extra, Consumer<String> listening)
      throws StartupException {
    StructuredLog.silence();
    Map<String, Object> properties = new HashMap<>(extra);
    if (!options.aws()) {
      if (!Files.isDirectory(options.folder())) {
        throw new StartupException(
            "the folder "
                + options.folder().toAbsolutePath()
                + " does not exist or is not a folder",
            2);
      }
      SiteRoot site = siteRoot(options.folder());
      Path folder = site.posts();
      properties.put(PreviewBeans.FOLDER, folder.toString());
      Path media = options.media() != null ? options.media() : folder.resolveSibling("media");
      properties.put(PreviewBeans.MEDIA, media.toAbsolutePath().normalize().toString());
      Path project = Path.of(System.getProperty("inkwell.project.dir", "."));
      properties.putIfAbsent(
          PreviewBeans.CACHE,
          project.resolve("target/preview-cache").toAbsolutePath().normalize().toString());
      properties.put(
          PreviewBeans.FILES,
          String.join(
              java.io.File.pathSeparator, site.files().stream().map(Path::toString).toList()));
      if (site.pages() != null) {
        List<Path> pages = new java.util.ArrayList<>(List.of(site.pages()));
        pages.addAll(site.includedPages());
        properties.put(
            PreviewBeans.SITE_PAGES,
            String.join(java.io.File.pathSeparator, pages.stream().map(Path::toString).toList()));
      }
      if (!site.morePosts().isEmpty()) {
        properties.put(
            PreviewBeans.MORE_POSTS,
            String.join(
                "|",
                site.morePosts().stream()
                    .map(p -> site.root().relativize(p).toString().replace('\\', '/'))
                    .toList()));
      }
      site.settings().properties().forEach(properties::putIfAbsent);
    }
    int port = options.port() == 0 ? freePort(options.host()) : options.port();
    checkPortIsFree(options.host(), port);
    String url =
        "http://" + (options.host().equals("0.0.0.0") ? "localhost" : options.host()) + ":" + port;
    properties.put(PreviewBeans.DRAFTS, options.drafts());
    properties.put(PreviewBeans.LIVE_RELOAD, options.liveReload());
    properties.put("micronaut.server.host", options.host());
    properties.put("micronaut.server.port", port);
    if (System.getenv("INKWELL_SITE_BASE_URL") == null) {
      properties.put("inkwell.site.base-url", url);
    }
    // The site dates its responses itself (one Date header, from its clock).
    properties.put("micronaut.server.date-header", false);
    // Netty answers a request line over its limit (4,096 bytes by default) itself, with a 413
    // "Request Entity Too Large"; past the site's own limit the right answer is the site's 414.
    // With a limit far above any browser's, every address reaches the site.
    properties.put("micronaut.server.netty.max-initial-line-length", MAX_REQUEST_LINE);
    // Rendered pages are reused for a second, and dropped at once when a file changes.
    properties.putIfAbsent("inkwell.site.render-cache-seconds", 1);
    ApplicationContext context;
    try {
      // No bootstrap context (no bootstrap.yml, no distributed configuration) and no guessing of
      // the environment (cloud, Kubernetes, test frameworks): the preview needs neither, and both
      // scan the class path at every start.
      context =
          ApplicationContext.builder()
              .properties(properties)
              .bootstrapEnvironment(false)
              .deduceEnvironment(false)
              .start();
      if (options.aws()) {
        context.registerSingleton(PreviewNotes.class, awsNotes(options.drafts()));
      }
    } catch (RuntimeException e) {
      throw new StartupException("the preview could not start: " + rootMessage(e), 4);
    }
    // The folder is read and rendered while the server starts (the two take about as long, and a
    // warm start is the longer of them, not their sum); its posts are published once the server
    // answers, with the loading page until the load is complete, and has printed its address.
    CompletableFuture<Void> listens = new CompletableFuture<>();
    CompletableFuture<FolderWatcher> loading =
        options.aws() ? CompletableFuture.completedFuture(null) : load(context, listens);
    try {
      context.getBean(EmbeddedServer.class).start();
    } catch (RuntimeException e) {
      listens.completeExceptionally(e);
      loading.whenComplete(
          (watcher, failure) -> {
            if (watcher != null) {
              watcher.close();
            }
            context.close();
          });
      throw new StartupException("the preview could not start: " + rootMessage(e), 4);
    }
    try {
      listening.accept(url + "/");
    } finally {
      listens.complete(null);
    }
    FolderWatcher watcher;
    try {
      watcher = loading.join();
    } catch (java.util.concurrent.CompletionException e) {
      context.close();
      throw new StartupException("the preview could not load: " + rootMessage(e), 4);
    }
    if (watcher != null && !watcher.unreadable().isEmpty()) {
      watcher.close();
      context.close();
      throw new StartupException("cannot read " + String.join("; ", watcher.unreadable()), 5);
    }
    return new PreviewServer(context, watcher, url);
  }

  /**
   * Starts the folder's watcher, which loads the folder, on a thread of its own; the load's events
   * wait for {@code listens}.
   */
  private static CompletableFuture<FolderWatcher> load(
      ApplicationContext context, CompletableFuture<Void> listens) {
    CompletableFuture<FolderWatcher> loading = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                FolderWatcher watcher = context.getBean(FolderWatcher.class);
                watcher.start(listens);
                loading.complete(watcher);
              } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
              }
            },
            "inkwell-preview-load");
    thread.setDaemon(true);
    thread.start();
    return loading;
  }

  private static void checkPortIsFree(String host, int port) throws StartupException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (BindException e) {
      throw new StartupException(
          "port " + port + " is in use; stop what uses it or pick another with --port", 3);
    } catch (IOException e) {
      throw new StartupException(
          "cannot listen on " + host + ":" + port + ": " + e.getMessage(), 3);
    }
  }

  private static int freePort(String host) throws StartupException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StartupException("cannot listen on " + host + ": " + e.getMessage(), 3);
    }
  }

  private static PreviewNotes awsNotes(boolean drafts) {
    return new PreviewNotes() {
      @Override
      public boolean showUnpublished() {
        return drafts;
      }

      @Override
      public java.util.List<String> problems() {
        return java.util.List.of();
      }

      @Override
      public java.util.Optional<String> problemFor(String slug) {
        return java.util.Optional.empty();
      }
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /**
   * What loading the folder did (posts, how many came from the render cache, how long it took);
   * null with {@code --aws}.
   */
  public LoadProgress.Loaded loaded() {
    return watcher == null ? null : context.getBean(LoadProgress.class).report();
  }

  /** Every current warning, as {@code key:line:column: message}: what the console said. */
  java.util.List<String> warnings() {
    return context.getBean(PreviewStatus.class).warnings();
  }

  /** The preview's address, ending with a slash. */
  public String url() {
    return url + "/";
  }

  /** Applies any pending folder changes now (the watcher does this by itself within a second). */
  public void rescan() {
    if (watcher != null) {
      watcher.rescan();
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    context.close();
  }
}
