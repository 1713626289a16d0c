package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.site.SiteConfig;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import inkwell.testenv.FaultInjector;
import inkwell.testenv.FaultInjector.Mode;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A crash at any step of a publish leaves nothing a reader can see and nothing behind. For each
 * operation, the k-th AWS request is failed, for every k: before it is sent, after its response
 * arrived (it took effect), or with its response lost so that the SDK sends it again. The site is
 * read right after the fault (mid-operation) and again after the event was delivered once more, as
 * Lambda's retry does; the end state must equal the fault-free run's, every item and bucket key
 * included, and a lost response must not change the outcome the event reports.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashAtAnyStepTest {

  private static final Logger LOG = LoggerFactory.getLogger(CrashAtAnyStepTest.class);

  /** An upload ({@code markdown}) or a deletion ({@code null}) and the sequencer of its event. */
  record Write(String key, String markdown, long sequencer) {}

  /**
   * What the blog holds before ({@code before}, applied without faults), the writes the operation
   * is made of, and the paths that may redirect during it.
   */
  record Operation(
      String name,
      List<Write> before,
      List<Write> writes,
      Set<String> aliases,
      Set<String> slugs) {}

  private static final Set<String> READS =
      Set.of("GetItem", "BatchGetItem", "Query", "Scan", "HeadObject", "GetObject");

  private final Emulators emulators;
  private final FaultInjector faults = new FaultInjector();
  private final FaultInjector.Clients clients;
  private final ApplicationContext context =
      ApplicationContext.run(
          Map.of(
              "inkwell.site.posts-per-page", "3",
              "inkwell.site.feed-full-content", "false",
              "inkwell.site.shared-cache-seconds", "0",
              "inkwell.site.base-url", FaultyBlog.BASE_URL));
  private final SiteConfig config = context.getBean(SiteConfig.class);
  private int cases;

  CrashAtAnyStepTest(Emulators emulators) {
    this.emulators = emulators;
    this.clients = faults.clients(emulators);
  }

  @AfterAll
  void close() {
    LOG.info("{} fault cases run", cases);
    context.close();
    clients.s3().close();
    clients.dynamoDb().close();
  }

  static String post(String name, String version, String extra) {
    return "---\ntitle: "
        + name
        + " "
        + version
        + "\ndate: 2025-0"
        + (1 + Math.abs(name.hashCode()) % 9)
        + "-11\n"
        + extra
        + "---\nThe text of "
        + name
        + " "
        + version
        + ".\n";
  }

  /**
   * A post whose body does not fit in an item (over 350 KB gzipped): it is stored in the bucket.
   */
  static String large(String name, String version, long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    while (text.length() < 600_000) {
      text.append(Long.toString(random.nextLong(), 36)).append(' ');
    }
    return post(name, version, "tags: [red]\n") + text;
  }

  static final Write OTHER = new Write("posts/other.md", post("Other", "1", "tags: [red]\n"), 5);

  static List<Operation> operations() {
    Write alpha1 =
        new Write(
            "posts/alpha.md",
            post("Alpha", "1", "tags: [red, green, blue]\naliases: [/old/alpha.html]\n"),
            0x10);
    return List.of(
        new Operation(
            "a first publish with tags and an alias",
            List.of(OTHER),
            List.of(alpha1),
            Set.of("/old/alpha.html"),
            Set.of("/alpha/")),
        new Operation(
            "an edit that changes slug, tags and aliases",
            List.of(OTHER, alpha1),
            List.of(
                new Write(
                    "posts/alpha.md",
                    post(
                        "Alpha",
                        "2",
                        "slug: alpha-renamed\ntags: [green, yellow]\naliases: [/old/alpha-2.html]\n"),
                    0x20)),
            Set.of("/old/alpha.html", "/old/alpha-2.html"),
            Set.of("/alpha/", "/alpha-renamed/")),
        new Operation(
            "an edit of a post whose body is stored in the bucket",
            List.of(OTHER, new Write("posts/big.md", large("Big", "1", 1), 0x10)),
            List.of(new Write("posts/big.md", large("Big", "2", 2), 0x20)),
            Set.of(),
            Set.of("/big/")),
        new Operation(
            "a removal",
            List.of(OTHER, alpha1),
            List.of(new Write("posts/alpha.md", null, 0x20)),
            Set.of("/old/alpha.html"),
            Set.of("/alpha/")),
        new Operation(
            "a rejection",
            List.of(OTHER, alpha1),
            List.of(new Write("posts/alpha.md", "---\ntitle: [broken\n---\nText.", 0x20)),
            Set.of("/old/alpha.html"),
            Set.of("/alpha/")),
        new Operation(
            "a slug collision: a source whose key sorts first takes the slug",
            List.of(
                OTHER,
                new Write("posts/zed.md", post("Zed", "1", "slug: shared\ntags: [blue]\n"), 0x10)),
            List.of(
                new Write(
                    "posts/alpha.md", post("Alpha", "1", "slug: shared\ntags: [red]\n"), 0x10)),
            Set.of(),
            Set.of("/shared/", "/zed/")),
        new Operation(
            "a removal that hands the slug to the source waiting for it",
            List.of(
                OTHER,
                new Write("posts/alpha.md", post("Alpha", "1", "slug: shared\n"), 0x10),
                new Write("posts/zed.md", post("Zed", "1", "slug: shared\ntags: [blue]\n"), 0x10)),
            List.of(new Write("posts/alpha.md", null, 0x20)),
            Set.of(),
            Set.of("/shared/")));
  }

  @TestFactory
  Stream<DynamicTest> aCrashAtAnyRequestOfAnOperationIsInvisibleAndConvergesOnRedelivery() {
    return operations().stream()
        .map(operation -> DynamicTest.dynamicTest(operation.name(), () -> everyFault(operation)));
  }

  private void everyFault(Operation operation) {
    FaultyBlog reference = blog(operation);
    faults.disarm();
    List<PublishService.Outcome> outcomes = new ArrayList<>();
    for (Write write : operation.writes()) {
      reference.write(write.key(), write.markdown());
      outcomes.add(deliver(reference, reference.faulty, write));
    }
    List<String> requests = faults.operations();
    assertThat(reference.readerProblems(operation.aliases(), operation.slugs())).isEmpty();
    FaultyBlog.Snapshot expected = reference.snapshot();
    assertThat(requests).as("requests of %s", operation.name()).hasSizeGreaterThan(3);
    if (operation.before().stream()
        .anyMatch(w -> w.markdown() != null && w.markdown().length() > 500_000)) {
      assertThat(requests)
          .as("%s: the new body is stored in the bucket and the old one deleted", operation.name())
          .contains("PutObject", "DeleteObject");
    }
    long started = System.nanoTime();
    int before = cases;
    for (int k = 1; k <= requests.size(); k++) {
      // A read has no effect: failing it after its response is failing it before.
      boolean read = READS.contains(requests.get(k - 1));
      for (Mode mode : read ? List.of(Mode.BEFORE_SENDING) : List.of(Mode.values())) {
        crashAt(operation, mode, k, expected, outcomes);
      }
    }
    LOG.info(
        "{}: {} requests ({}), {} fault cases in {} ms",
        operation.name(),
        requests.size(),
        String.join(" ", requests),
        cases - before,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void crashAt(
      Operation operation,
      Mode mode,
      int k,
      FaultyBlog.Snapshot expected,
      List<PublishService.Outcome> outcomes) {
    String context = operation.name() + ", request " + k + " failed " + mode;
    FaultyBlog blog = blog(operation);
    faults.arm(k, mode);
    cases++;
    for (int i = 0; i < operation.writes().size(); i++) {
      Write write = operation.writes().get(i);
      blog.write(write.key(), write.markdown());
      try {
        PublishService.Outcome outcome = deliver(blog, blog.faulty, write);
        assertThat(outcome).as("%s: the outcome", context).isEqualTo(outcomes.get(i));
        continue;
      } catch (SdkException crash) {
        assertThat(mode).as("%s: %s", context, crash.getMessage()).isNotEqualTo(Mode.LOST_RESPONSE);
      }
      faults.disarm();
      assertThat(blog.readerProblemsMidOperation(operation.aliases(), operation.slugs()))
          .as("%s: what a reader sees mid-operation", context)
          .isEmpty();
      deliver(blog, blog.faulty, write); // Lambda's retry
    }
    assertThat(faults.fired()).as("%s: the fault happened", context).isTrue();
    faults.disarm();
    assertThat(blog.readerProblems(operation.aliases(), operation.slugs()))
        .as("%s: what a reader sees at the end", context)
        .isEmpty();
    FaultyBlog.Snapshot actual = blog.snapshot();
    assertThat(actual.keys()).as("%s: the bucket's keys", context).isEqualTo(expected.keys());
    assertThat(actual.items()).as("%s: the table's items", context).isEqualTo(expected.items());
  }

  private FaultyBlog blog(Operation operation) {
    faults.disarm();
    FaultyBlog blog = new FaultyBlog(emulators, clients, config);
    for (Write write : operation.before()) {
      blog.write(write.key(), write.markdown());
      deliver(blog, blog.clean, write);
    }
    return blog;
  }

  private static PublishService.Outcome deliver(
      FaultyBlog blog, PublishService service, Write write) {
    return blog.deliver(service, write.key(), write.markdown() == null, write.sequencer());
  }
}
