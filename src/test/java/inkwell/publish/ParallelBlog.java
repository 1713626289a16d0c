package inkwell.publish;

import inkwell.aws.DynamoPostReader;
import inkwell.aws.S3ContentStore;
import inkwell.site.SiteConfig;
import inkwell.site.SiteRequest;
import inkwell.site.SiteResponse;
import inkwell.site.SiteService;
import inkwell.site.Sites;
import inkwell.support.Json;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.Jitter;
import inkwell.testenv.NotificationPlayer;
import inkwell.testenv.QueueConsumers;
import inkwell.testenv.SqsEmulator;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A blog of its own on the emulators (a new bucket and table) with several publish function
 * instances, each a {@link PublishHandler} with its own Micronaut context and SDK clients (as
 * separate Lambda instances have), optionally each request held a random moment ({@link Jitter}).
 * Writes go to the bucket and become the events EventBridge would send; {@link #deliver} hands them
 * to the instances in one of three ways; {@link #view} is what a reader can see.
 */
final class ParallelBlog implements AutoCloseable {

  /** How the events reach the function instances. */
  enum Delivery {
    /** One at a time, in the order of their writes, to one instance: the reference. */
    ONE_AT_A_TIME,
    /**
     * Through a FIFO queue with one message group (the template's path), sent in a shuffled order
     * (EventBridge does not keep order), consumed by every instance at once.
     */
    QUEUE,
    /** No queue: each event its own invocation, all released together, as S3 would invoke. */
    BYPASS
  }

  static final String BASE_URL = "https://blog.example.com";

  private final Emulators emulators;
  private final SqsEmulator.Sqs sqs;
  private final String bucket = Emulators.uniqueName("parallel");
  private final String table = Emulators.uniqueName("parallel");
  private final List<PublishHandler> instances = new ArrayList<>();
  private final List<String> pending = new ArrayList<>();
  private final SiteService site;
  private long sequence = 0x5000;
  private QueueConsumers.Result lastRun;

  ParallelBlog(
      Emulators emulators, SqsEmulator.Sqs sqs, SiteConfig config, int instances, int jitter) {
    this(emulators, sqs, config, instances, jitter, new Object[0]);
  }

  /** With {@code beans} (interceptors on the instances' clients, say) in every instance. */
  ParallelBlog(
      Emulators emulators,
      SqsEmulator.Sqs sqs,
      SiteConfig config,
      int instances,
      int jitter,
      Object... beans) {
    this.emulators = emulators;
    this.sqs = sqs;
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    Map<String, Object> properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    for (int i = 0; i < instances; i++) {
      var context = ApplicationContext.builder().properties(properties);
      if (jitter > 0) {
        context.singletons(new Jitter(jitter));
      }
      if (beans.length > 0) {
        context.singletons(beans);
      }
      this.instances.add(new PublishHandler(context));
    }
    Clock clock = Clock.fixed(java.time.Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    S3ContentStore content =
        new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/");
    this.site =
        Sites.service(
            new DynamoPostReader(emulators.dynamoDb(), table, content),
            config,
            ZoneOffset.UTC,
            clock);
  }

  /**
   * Starts every instance with an event it skips, as a warm Lambda instance is started: the first
   * invocation builds the handler's beans and clients.
   */
  void warm() {
    instances.forEach(i -> NotificationPlayer.deliverTo(i, BucketEventJson.sqsEvent("{}")));
  }

  /** Uploads {@code markdown} to {@code key} (deletes it if null) and keeps the event S3 sends. */
  void write(String key, String markdown) {
    sequence += 0x10;
    String sequencer = String.format("%016X", sequence);
    if (markdown == null) {
      emulators.s3().deleteObject(r -> r.bucket(bucket).key(key));
      pending.add(BucketEventJson.deleted(bucket, key, sequencer));
    } else {
      String version =
          emulators
              .s3()
              .putObject(
                  r -> r.bucket(bucket).key(key),
                  RequestBody.fromString(markdown, StandardCharsets.UTF_8))
              .versionId();
      pending.add(BucketEventJson.created(bucket, key, sequencer, version));
    }
  }

  /** Delivers the events of the writes since the last delivery. */
  void deliver(Delivery delivery, Random random) {
    List<String> events = List.copyOf(pending);
    pending.clear();
    switch (delivery) {
      case ONE_AT_A_TIME ->
          events.forEach(
              e -> NotificationPlayer.deliverTo(instances.get(0), BucketEventJson.sqsEvent(e)));
      case QUEUE -> throughQueue(events, random);
      case BYPASS -> allAtOnce(events, random);
    }
  }

  /** The counts of the last delivery through the queue. */
  QueueConsumers.Result lastQueueRun() {
    return lastRun;
  }

  private void throughQueue(List<String> events, Random random) {
    throughQueue(sqs.createFifoQueue("publish"), events, random);
  }

  /**
   * Delivers the pending events through {@code queue} (a FIFO queue of the caller's, with its own
   * visibility timeout and dead-letter queue), in the order of their writes.
   */
  QueueConsumers.Result deliverThrough(String queue) {
    List<String> events = List.copyOf(pending);
    pending.clear();
    throughQueue(queue, events, null);
    return lastRun;
  }

  private void throughQueue(String queue, List<String> events, Random random) {
    List<String> shuffled = new ArrayList<>(events);
    if (random != null) {
      Collections.shuffle(shuffled, random);
    }
    for (String event : shuffled) {
      sqs.client()
          .sendMessage(
              r ->
                  r.queueUrl(queue)
                      .messageBody(event)
                      .messageGroupId("publish")
                      .messageDeduplicationId(UUID.randomUUID().toString()));
    }
    lastRun = QueueConsumers.drain(sqs.client(), queue, instances);
  }

  /** Every event its own invocation, all released together, as S3 invokes a function. */
  private void allAtOnce(List<String> events, Random random) {
    CyclicBarrier start = new CyclicBarrier(events.size());
    ExecutorService pool = Executors.newFixedThreadPool(events.size());
    try {
      List<Future<?>> invocations = new ArrayList<>();
      for (String event : events) {
        PublishHandler instance = instances.get(random.nextInt(instances.size()));
        invocations.add(
            pool.submit(
                () -> {
                  start.await();
                  NotificationPlayer.deliverTo(instance, BucketEventJson.sqsEvent(event));
                  return null;
                }));
      }
      for (Future<?> invocation : invocations) {
        invocation.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("an invocation failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * What a reader can see, page by page: every page reachable from the home page, the archive, the
   * tag index, the feeds and the sitemap, and {@code paths} (the addresses any source could take),
   * each as its status and text; then every status file, without the times and version ids that
   * differ from one bucket to another.
   */
  Map<String, String> view(Set<String> paths) {
    Map<String, String> seen = new TreeMap<>();
    List<String> queue =
        new ArrayList<>(
            List.of(
                "/",
                "/archive/",
                "/tags/",
                "/feed.xml",
                "/atom.xml",
                "/feed.json",
                "/sitemap.xml"));
    queue.addAll(paths);
    while (!queue.isEmpty()) {
      String path = queue.remove(0);
      if (seen.containsKey(path)) {
        continue;
      }
      SiteResponse response = site.handle(SiteRequest.get(path));
      String text =
          response.status() / 100 == 3 ? response.headers().get("Location") : response.text();
      seen.put(path, response.status() + " " + text);
      if (response.status() == 200) {
        queue.addAll(links(path, text));
      }
    }
    emulators
        .s3()
        .listObjectsV2Paginator(r -> r.bucket(bucket).prefix("_status/"))
        .contents()
        .forEach(
            o ->
                seen.put(
                    o.key(),
                    statusSummary(
                        emulators
                            .s3()
                            .getObjectAsBytes(r -> r.bucket(bucket).key(o.key()))
                            .asUtf8String())));
    return seen;
  }

  /**
   * What a status file says: the source, its state, the event it is about and the kind of error.
   * Not its wording, which names the owner a conflict was met with at that moment: with events in
   * another order (EventBridge keeps none) a claimant may meet another owner on its way, and its
   * message says so. Nor the time or the version id, which differ from one bucket to another.
   */
  private static String statusSummary(String json) {
    Map<?, ?> status = (Map<?, ?>) Json.tree(json);
    Object error = status.get("error");
    return status.get("source")
        + " "
        + status.get("status")
        + " at "
        + status.get("sequencer")
        + (error instanceof Map<?, ?> e ? " " + e.get("kind") : "");
  }

  /** The site's own addresses linked from a page or listed in a feed or sitemap. */
  private static List<String> links(String path, String text) {
    List<String> links = new ArrayList<>();
    boolean xml = path.endsWith(".xml");
    var document = xml ? Jsoup.parse(text, "", Parser.xmlParser()) : Jsoup.parse(text);
    for (Element element : document.select(xml ? "loc, link" : "a[href]")) {
      String href = element.hasAttr("href") ? element.attr("href") : element.text();
      if (href.startsWith(BASE_URL)) {
        href = href.substring(BASE_URL.length());
      }
      if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/media/")) {
        links.add(href.replaceAll("#.*", ""));
      }
    }
    return links;
  }

  @Override
  public void close() {
    instances.forEach(PublishHandler::close);
  }
}
