package inkwell.preview;

import inkwell.post.Hashes;
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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Keeps the preview's index in step with a folder. Every change the file system reports (a file
 * added, edited, renamed or deleted, a folder moved) triggers a rescan of the folder a moment
 * later; the rescan compares each Markdown file's content hash with the last one seen and turns
 * every difference into the event S3 would have sent, applied by the same {@link PublishService} as
 * on AWS. Rescanning instead of trusting single events copes with editors that save by writing a
 * temporary file and renaming it.
 */
public final class FolderWatcher implements AutoCloseable {

  /** How long to wait after a change for more changes before rescanning. */
  static final long DEBOUNCE_MILLIS = 60;

  private final FolderSource source;
  private final PublishService service;
  private final String bucket;
  private final PrintStream console;
  private final Runnable onChange;
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() << 8);
  private final Map<String, String> seen = new HashMap<>();
  private final Map<WatchKey, Path> directories = new HashMap<>();
  private final java.util.List<String> unreadable = new java.util.ArrayList<>();
  private WatchService watcher;
  private Thread thread;

  /**
   * @param onChange called after every rescan that applied a change (the site's cache is cleared)
   */
  public FolderWatcher(
      FolderSource source,
      PublishService service,
      String bucket,
      PrintStream console,
      Runnable onChange) {
    this.source = source;
    this.service = service;
    this.bucket = bucket;
    this.console = console;
    this.onChange = onChange;
  }

  /** Publishes every file once, then watches for changes on a background thread. */
  public synchronized void start() {
    try {
      watcher = FileSystems.getDefault().newWatchService();
      for (Path folder : source.folders()) {
        registerTree(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + source.folder() + ": " + e.getMessage(), e);
    }
    rescan();
    thread = new Thread(this::watch, "inkwell-folder-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Why files could not be read in the last rescan (empty if all could). */
  public synchronized java.util.List<String> unreadable() {
    return java.util.List.copyOf(unreadable);
  }

  /** Compares the folder with what was published and applies the differences. */
  public synchronized void rescan() {
    unreadable.clear();
    boolean changed = false;
    Map<String, Path> files = markdownFiles();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      String hash = hash(file.getValue());
      if (hash != null && !hash.equals(seen.get(file.getKey()))) {
        seen.put(file.getKey(), hash);
        apply(ObjectEvent.Type.CREATED, file.getKey());
        changed = true;
      }
    }
    for (String key : seen.keySet().toArray(new String[0])) {
      if (!files.containsKey(key)) {
        seen.remove(key);
        apply(ObjectEvent.Type.REMOVED, key);
        changed = true;
      }
    }
    if (changed) {
      onChange.run();
    }
  }

  private void apply(ObjectEvent.Type type, String key) {
    Sequencer sequencer = Sequencer.of(Long.toHexString(sequence.incrementAndGet()));
    try {
      PublishService.Outcome outcome =
          service.apply(new ObjectEvent(type, bucket, key, null, sequencer));
      if (outcome == PublishService.Outcome.PUBLISHED
          || outcome == PublishService.Outcome.REMOVED) {
        console.println("  " + outcome.name().toLowerCase(Locale.ROOT) + "  " + key);
      }
    } catch (RuntimeException e) {
      seen.remove(key); // try again on the next change
      unreadable.add(e.getMessage());
      console.println("  error  " + e.getMessage());
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

  /** The content hash of a file, or null if it vanished meanwhile. Unreadable files throw. */
  private String hash(Path file) {
    try {
      return Hashes.sha256Hex(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // Hand it to the publish service, which reports it like any other unreadable source.
      return "unreadable:" + e.getMessage();
    }
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
  }
}
