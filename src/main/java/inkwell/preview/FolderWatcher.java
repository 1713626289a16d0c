package inkwell.preview;

import inkwell.pipeline.Source;
import inkwell.post.Slugs;
import inkwell.publish.ObjectEvent;
import inkwell.publish.PublishService;
import inkwell.storage.Sequencer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Keeps the preview's index in step with a folder. Every change the file system reports (a file
 * added, edited, renamed or deleted, a folder moved) triggers a rescan of the folder a moment
 * later; the rescan finds the files whose content changed ({@link FolderScan}) and turns every
 * difference into the event S3 would have sent, applied by the same {@link PublishService} as on
 * AWS. Rescanning instead of trusting single events copes with editors that save by writing a
 * temporary file and renaming it.
 *
 * <p>A rescan renders the changed files on every core first (through the render cache, which reads
 * unchanged posts back from disk), then applies their events one by one (the index has one writer;
 * the publish path gets each file's bytes as the scan read them, see {@link FolderSource#pin}), and
 * updates the search index once for all of them. The first rescan is the folder's load: {@link
 * LoadProgress} counts it, and the site answers only with the loading page until it is complete.
 */
public final class FolderWatcher implements AutoCloseable {

  /** How long to wait after a change for more changes before rescanning. */
  static final long DEBOUNCE_MILLIS = 60;

  private final FolderSource source;
  private final PublishService service;
  private final String bucket;
  private final PrintStream console;
  private final Runnable onChange;
  private final DiskRenderCache cache;
  private final PreviewSearch search;
  private final LoadProgress progress;
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() << 8);
  private final FolderScan scan = new FolderScan();
  private final Map<WatchKey, Path> directories = new HashMap<>();
  private final List<String> unreadable = new ArrayList<>();
  private WatchService watcher;
  private Thread thread;

  /** What runs after the load (warm-up, manifest, pruning); {@link #close} waits for it. */
  private Thread after;

  /**
   * @param service the publish service, parsing through {@code cache}
   * @param onChange called after every rescan that applied a change (the site's cache is cleared)
   * @param cache renders ahead of the events, on every core
   * @param search the search changes the service reports, held during a rescan
   * @param progress counts the first load
   */
  FolderWatcher(
      FolderSource source,
      PublishService service,
      String bucket,
      PrintStream console,
      Runnable onChange,
      DiskRenderCache cache,
      PreviewSearch search,
      LoadProgress progress) {
    this.source = source;
    this.service = service;
    this.bucket = bucket;
    this.console = console;
    this.onChange = onChange;
    this.cache = cache;
    this.search = search;
    this.progress = progress;
  }

  /** Loads every file, then watches for changes on a background thread. */
  public synchronized void start() {
    start(CompletableFuture.completedFuture(null));
  }

  /**
   * {@link #start()}, with the load's events held until {@code ready} completes: the files are read
   * and rendered meanwhile, but nothing is published, nor reported on the console, before the
   * preview's server answers and has printed its address. If {@code ready} fails, so does this.
   */
  public synchronized void start(CompletableFuture<?> ready) {
    try {
      watcher = FileSystems.getDefault().newWatchService();
      for (Path folder : source.folders()) {
        registerTree(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + source.folder() + ": " + e.getMessage(), e);
    }
    scan.loadManifest(cache.manifest());
    rescan(ready);
    thread = new Thread(this::watch, "inkwell-folder-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Why files could not be read in the last rescan (empty if all could). */
  public synchronized List<String> unreadable() {
    return List.copyOf(unreadable);
  }

  /** Compares the folder with what was published and applies the differences. */
  public synchronized void rescan() {
    rescan(CompletableFuture.completedFuture(null));
  }

  private void rescan(CompletableFuture<?> ready) {
    long started = System.nanoTime();
    boolean load = !progress.isComplete();
    unreadable.clear();
    FolderScan.Result found = scan.scan(markdownFiles());
    if (load) {
      progress.started(found.changed().size());
    }
    cache.resetCounts();
    found.changed().parallelStream().forEach(this::prepare);
    ready.join();
    int published = 0;
    search.hold();
    source.pin(readSources(found));
    try {
      for (FolderScan.Changed changed : found.changed()) {
        if (apply(ObjectEvent.Type.CREATED, changed.key(), !load)
            == PublishService.Outcome.PUBLISHED) {
          published++;
        }
      }
      for (String key : found.removed()) {
        apply(ObjectEvent.Type.REMOVED, key, true);
      }
    } finally {
      source.unpin();
      search.release();
      cache.forgetPrepared();
    }
    if (load) {
      LoadProgress.Loaded report =
          new LoadProgress.Loaded(
              published,
              found.changed().size(),
              cache.hits(),
              cache.rendered(),
              Duration.ofNanos(System.nanoTime() - started));
      progress.completed(report);
      console.println(describe(report));
      // The renderer warmed up first (the first saved edit waits for it), then the content hashes
      // recorded for the next start, then the cache pruned.
      Source first = firstRead(found);
      after =
          new Thread(
              () -> {
                if (first != null) {
                  cache.warmUp(first);
                }
                scan.saveManifest(cache.manifest());
                cache.prune();
              },
              "inkwell-preview-after-load");
      after.setDaemon(true);
      after.start();
    }
    if (!found.isEmpty()) {
      onChange.run();
    }
  }

  /** {@code loaded 1,000 posts in 0.84 s (1,000 from the render cache, 0 rendered)}. */
  static String describe(LoadProgress.Loaded load) {
    String line =
        String.format(
            Locale.ROOT,
            "  loaded %,d posts in %.2f s (%,d from the render cache, %,d rendered)",
            load.posts(),
            load.took().toNanos() / 1e9,
            load.fromCache(),
            load.rendered());
    int unpublished = load.files() - load.posts();
    return unpublished > 0 ? line + "; " + unpublished + " not published (see above)" : line;
  }

  /** The sources the scan read, by key (not those it could not read: the event reports those). */
  private static Map<String, Source> readSources(FolderScan.Result found) {
    Map<String, Source> read = new HashMap<>();
    for (FolderScan.Changed changed : found.changed()) {
      if (changed.source() != null) {
        read.put(changed.key(), changed.source());
      }
    }
    return read;
  }

  private static Source firstRead(FolderScan.Result found) {
    return found.changed().stream()
        .map(FolderScan.Changed::source)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** Renders (or reads back) a changed file ahead of its event; a failure is left to the event. */
  private void prepare(FolderScan.Changed changed) {
    try {
      if (changed.source() != null) {
        cache.prepare(changed.source(), changed.contentHash());
      }
    } catch (RuntimeException e) {
      // The event parses it again and reports what went wrong.
    }
    progress.loadedOne();
  }

  private PublishService.Outcome apply(ObjectEvent.Type type, String key, boolean print) {
    Sequencer sequencer = Sequencer.of(Long.toHexString(sequence.incrementAndGet()));
    try {
      PublishService.Outcome outcome =
          service.apply(new ObjectEvent(type, bucket, key, null, sequencer));
      if (print
          && (outcome == PublishService.Outcome.PUBLISHED
              || outcome == PublishService.Outcome.REMOVED)) {
        console.println("  " + outcome.name().toLowerCase(Locale.ROOT) + "  " + key);
      }
      return outcome;
    } catch (RuntimeException e) {
      scan.forget(key); // try again on the next change
      unreadable.add(e.getMessage());
      console.println("  error  " + e.getMessage());
      return null;
    }
  }

  private Map<String, Path> markdownFiles() {
    Map<String, Path> files = new TreeMap<>();
    for (Path folder : source.folders()) {
      try (Stream<Path> walk = source.files(folder)) {
        walk.filter(FolderWatcher::isMarkdown).forEach(p -> files.put(source.keyOf(p), p));
      } catch (IOException | UncheckedIOException e) {
        console.println("  error  cannot list " + folder + ": " + e.getMessage());
      }
    }
    return files;
  }

  static boolean isMarkdown(Path path) {
    String name = path.getFileName().toString();
    return !name.startsWith(".") && Slugs.isMarkdown(name);
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path dir : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
        WatchKey key =
            dir.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        directories.put(key, dir);
      }
    }
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        do {
          Path dir = directories.get(key);
          for (var event : key.pollEvents()) {
            if (dir != null && event.context() instanceof Path name) {
              Path child = dir.resolve(name);
              if (Files.isDirectory(child)) {
                synchronized (this) {
                  registerTree(child);
                }
              }
            }
          }
          if (!key.reset()) {
            directories.remove(key);
          }
          key = watcher.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        } while (key != null);
        rescan();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() asked this thread to stop
    } catch (ClosedWatchServiceException e) {
      // close() closed the watch service: the thread ends
    } catch (IOException e) {
      console.println("  error  stopped watching " + source.folder() + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      console.println("  error  closing the watcher of " + source.folder() + ": " + e.getMessage());
    }
    if (thread != null) {
      thread.interrupt();
    }
    if (after != null) {
      try {
        after.join(TimeUnit.SECONDS.toMillis(30)); // it writes into the cache: not after a close
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
