package inkwell.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import inkwell.aws.DynamoPostRepository;
import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.site.SiteHandler;
import inkwell.storage.Sequencer;
import inkwell.testenv.ApiGatewayEvents;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.RequestCounter;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a page costs the same at any size: blogs of 1,000 and 10,000 generated posts (50,000 with
 * {@code --scale-large}) loaded into the DynamoDB emulator through the repository's write path
 * ({@link DynamoPostRepository#publish}; the handler would take too long), then every page type
 * read through the site handler, counting its DynamoDB requests and timing it. Posts are the render
 * corpus's (about 9.6 KB of Markdown each) dated one every six hours up to now, with three tags
 * each drawn by a Zipf law from 500, so a few tags hold many posts.
 */
final class ScaleBench {

  static final int TAG_POOL = 500;
  static final double TAG_ZIPF = 1.0;

  /** One page type at one size: the requests of one view and the latency over the samples. */
  record PageScale(String path, List<String> requests, double p50Ms, double p99Ms) {}

  private ScaleBench() {}

  static Map<Integer, Map<String, PageScale>> run(
      Emulators emulators, List<Integer> sizes, int samples, Report report) {
    Map<Integer, Map<String, PageScale>> bySize = new LinkedHashMap<>();
    for (int size : sizes) {
      Blog blog = Blog.create(emulators);
      long started = System.nanoTime();
      load(blog, size);
      Bench.log("scale: %,d posts loaded in %.0f s", size, (System.nanoTime() - started) / 1e9);
      if (bySize.isEmpty()) {
        measure(blog, size, samples); // the JIT's warm-up, so the first size is not its victim
      }
      bySize.put(size, measure(blog, size, samples));
    }
    Map<String, PageScale> base = bySize.values().iterator().next();
    int baseSize = bySize.keySet().iterator().next();
    for (Map.Entry<Integer, Map<String, PageScale>> entry : bySize.entrySet()) {
      for (Map.Entry<String, PageScale> page : entry.getValue().entrySet()) {
        PageScale at = page.getValue();
        PageScale ref = base.get(page.getKey());
        String what =
            String.format(
                "%s at %,d posts (%s)", page.getKey(), entry.getKey(), summary(at.requests()));
        boolean within = at.p50Ms() <= 1.2 * ref.p50Ms();
        report.add(
            "Scale",
            what + " p50",
            at.p50Ms(),
            "ms",
            String.format("%,d posts p50", baseSize),
            ref.p50Ms(),
            "within 1.2x and the same requests",
            within && at.requests().equals(ref.requests()));
      }
    }
    report.detail("scale", bySize);
    return bySize;
  }

  /** {@code [Query, Query, GetItem]} as {@code 2 Query + 1 GetItem}. */
  static String summary(List<String> requests) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    requests.forEach(r -> counts.merge(r, 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((name, n) -> parts.add(n + " " + name));
    return parts.isEmpty() ? "no request" : String.join(" + ", parts);
  }

  /** Publishes {@code size} posts through the repository, on four threads. */
  private static void load(Blog blog, int size) {
    DynamoPostRepository repository = blog.repository();
    PostPipeline pipeline = PostPipeline.create();
    double[] tagCdf = ViewTrace.zipfCdf(TAG_POOL, TAG_ZIPF);
    Instant newest = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS);
    AtomicLong sequence = new AtomicLong(0x1000);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        int index = i;
        done.add(
            threads.submit(
                () -> {
                  String markdown = source(index, size, newest, tagCdf);
                  ParseResult parsed =
                      pipeline.parse(
                          new Source(
                              "posts/post-" + index + ".md",
                              markdown.getBytes(StandardCharsets.UTF_8),
                              newest));
                  repository.publish(
                      ((ParseResult.Parsed) parsed).post(),
                      Sequencer.of(String.format("%016X", sequence.incrementAndGet())));
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("loading " + size + " posts failed", e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** The corpus post {@code index}, dated {@code 6 h} apart up to {@code newest}, Zipf tags. */
  static String source(int index, int size, Instant newest, double[] tagCdf) {
    String markdown = Corpus.post(index).markdown();
    Instant date = newest.minus(6L * (size - 1 - index), ChronoUnit.HOURS);
    java.util.SplittableRandom random = new java.util.SplittableRandom(index * 7919L + 17);
    List<String> tags = new ArrayList<>();
    while (tags.size() < Corpus.TAGS_PER_POST) {
      String tag = "t" + ViewTrace.sample(tagCdf, random.nextDouble());
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return markdown
        .replaceFirst("(?m)^date: .*$", "date: " + date)
        .replaceFirst("(?m)^tags: .*$", "tags: [" + String.join(", ", tags) + "]");
  }

  private static Map<String, PageScale> measure(Blog blog, int size, int samples) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    pages.put("post", "/post-" + size / 2 + "/");
    pages.put("tag, the most used", "/tags/t0/");
    pages.put("tag index", "/tags/");
    pages.put("archive", "/archive/");
    pages.put("feed", "/feed.xml");
    pages.put("api tags", "/api/tags");
    pages.put("unknown path", "/no-such-post/");
    Map<String, Object> properties = blog.handlerProperties();
    properties.put("inkwell.site.base-url", "https://blog.example.com");
    Map<String, PageScale> figures = new LinkedHashMap<>();
    try (SiteHandler handler =
        new SiteHandler(ApplicationContext.builder().properties(properties).start())) {
      RequestCounter counter = handler.getApplicationContext().getBean(RequestCounter.class);
      for (Map.Entry<String, String> page : pages.entrySet()) {
        String event = ApiGatewayEvents.request("GET", page.getValue(), PageBench.BROWSER);
        List<Double> times = new ArrayList<>();
        List<String> requests = List.of();
        for (int i = 0; i < samples / 5 + samples; i++) {
          counter.reset();
          long started = System.nanoTime();
          APIGatewayV2HTTPResponse response =
              LambdaInvoker.invoke(handler, APIGatewayV2HTTPEvent.class, event);
          long took = System.nanoTime() - started;
          int expected = page.getKey().equals("unknown path") ? 404 : 200;
          if (response.getStatusCode() != expected) {
            throw new IllegalStateException(
                page.getValue() + " at " + size + " posts answered " + response.getStatusCode());
          }
          if (i >= samples / 5) {
            times.add(Stats.millis(took));
          }
          requests = counter.operations();
        }
        figures.put(
            page.getKey(),
            new PageScale(
                page.getValue(), requests, Stats.median(times), Stats.percentile(times, 99)));
      }
    }
    return figures;
  }
}
