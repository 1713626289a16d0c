package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.publish.ParallelBlog.Delivery;
import inkwell.site.SiteConfig;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import inkwell.testenv.QueueConsumers;
import inkwell.testenv.SqsEmulator;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lambda runs the publish function in parallel: every event that reaches it directly is an
 * invocation of its own, in an instance of its own. Through the template's path (EventBridge, then
 * a FIFO queue with one message group) several instances poll the queue at once, and the queue
 * hands the group to one of them at a time. Each scenario is delivered that way, by four instances
 * whose every request waits a random few milliseconds, and one event at a time into a blog of its
 * own; every page a reader can reach, the tag index, the feeds, the sitemap and the status files
 * must be the same, and never was more than one batch in flight.
 *
 * <p>{@link #withoutTheQueueTheSameEventsRaceAndThisTestSeesIt} delivers the most contended
 * scenario (eight claimants of one slug as its owner is deleted, which the queue delivers right)
 * the way S3 notifications invoke a function, every event its own instance, all at once, and
 * expects a different end state within sixty rounds: it shows that the comparison detects the races
 * the queue prevents (a claimant's tags on the owner's slug, a deleted post left online, a tag
 * count of a post its tag page does not list). Whether a race shows depends on the threads really
 * running at once: alone on this project's 2-core machine the first different end state came in
 * rounds 2 to 19 of each of six runs, but beside another test JVM none came in thirty. So it runs
 * on request, {@code mvn test -Dtest=ConcurrentDeliveryTest -Dinkwell.races=true}, not in the
 * build. If it ever fails when run alone, the races are gone or the comparison went blind: find out
 * which before touching it.
 */
@ExtendWith({AwsEmulators.class, SqsEmulator.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentDeliveryTest {

  private static final int INSTANCES = 4;
  private static final int JITTER_MILLIS = 6;

  /** Without the queue: short holds (longer ones spread the invocations apart, and race less). */
  private static final int BYPASS_JITTER_MILLIS = 3;

  /** A write to the bucket: markdown to upload, or null for a delete. */
  record Write(String key, String markdown) {}

  /** Writes published one at a time first, then writes delivered together, and paths to look at. */
  record Scenario(String name, List<Write> setup, List<Write> round, Set<String> paths) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final Emulators emulators;
  private final SqsEmulator.Sqs sqs;
  private final ApplicationContext context =
      ApplicationContext.run(
          Map.of(
              "inkwell.site.posts-per-page", "4",
              "inkwell.site.shared-cache-seconds", "0",
              "inkwell.site.base-url", ParallelBlog.BASE_URL));
  private final SiteConfig config = context.getBean(SiteConfig.class);

  ConcurrentDeliveryTest(Emulators emulators, SqsEmulator.Sqs sqs) {
    this.emulators = emulators;
    this.sqs = sqs;
  }

  @AfterAll
  void stop() {
    context.close();
  }

  private static String post(String title, String date, List<String> tags, String slug) {
    return "---\ntitle: "
        + title
        + "\ndate: "
        + date
        + "\ntags: ["
        + String.join(", ", tags)
        + "]\n"
        + (slug == null ? "" : "slug: " + slug + "\n")
        + "---\n"
        + title
        + " says hello.\n";
  }

  private static Write put(String name, String title, String date, List<String> tags, String slug) {
    return new Write("posts/" + name + ".md", post(title, date, tags, slug));
  }

  private static Write delete(String name) {
    return new Write("posts/" + name + ".md", null);
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario(
            "four files that want one slug, the owner updated and then deleted",
            List.of(put("a", "Alpha", "2025-01-01", List.of("red"), "shared")),
            List.of(
                put("b", "Bravo", "2025-02-01", List.of("green"), "shared"),
                put("c", "Charlie", "2025-03-01", List.of("blue"), "shared"),
                put("a", "Alpha two", "2025-01-02", List.of("red", "green"), "shared"),
                put("d", "Delta", "2025-04-01", List.of("red", "blue"), "shared"),
                delete("a")),
            Set.of("/shared/", "/a/", "/b/", "/c/", "/d/")),
        new Scenario(
            "a rename while another file claims the old slug",
            List.of(
                put("old", "Old", "2025-01-01", List.of("red"), null),
                put("other", "Other", "2025-01-05", List.of("green"), "elsewhere")),
            List.of(
                delete("old"),
                put("new", "Old", "2025-01-01", List.of("red"), null),
                put("other", "Other", "2025-01-05", List.of("green", "blue"), "old")),
            Set.of("/old/", "/new/", "/elsewhere/", "/other/")),
        new Scenario(
            "an update racing a delete of the same key",
            List.of(
                put("x", "Xray", "2025-01-01", List.of("red"), null),
                put("y", "Yankee", "2025-01-02", List.of("red", "blue"), null)),
            List.of(
                put("x", "Xray two", "2025-01-01", List.of("blue"), null),
                delete("x"),
                put("y", "Yankee two", "2025-01-03", List.of("green"), null),
                delete("y"),
                put("y", "Yankee three", "2025-01-04", List.of("green"), null)),
            Set.of("/x/", "/y/")),
        crowd(),
        new Scenario("a bulk upload of 60 posts with shared tags", List.of(), bulk(60), Set.of()));
  }

  private static List<Write> bulk(int count) {
    List<String> tags = List.of("red", "green", "blue", "amber");
    List<Write> writes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      writes.add(
          put(
              "bulk-" + i,
              "Bulk" + i,
              String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28),
              List.of(tags.get(i % 4), tags.get((i / 4) % 4)),
              null));
    }
    return writes;
  }

  /** The scenario's end state, delivered {@code delivery}; closes its blog. */
  private Map<String, String> endState(Scenario scenario, Delivery delivery, long seed) {
    boolean reference = delivery == Delivery.ONE_AT_A_TIME;
    try (ParallelBlog blog =
        new ParallelBlog(
            emulators,
            sqs,
            config,
            reference ? 1 : delivery == Delivery.BYPASS ? scenario.round().size() : INSTANCES,
            reference ? 0 : delivery == Delivery.BYPASS ? BYPASS_JITTER_MILLIS : JITTER_MILLIS)) {
      Random random = new Random(seed);
      // Warm instances, so that released together they run together (a cold one starts later).
      blog.warm();
      scenario.setup().forEach(w -> blog.write(w.key(), w.markdown()));
      blog.deliver(Delivery.ONE_AT_A_TIME, random);
      scenario.round().forEach(w -> blog.write(w.key(), w.markdown()));
      blog.deliver(delivery, random);
      if (delivery == Delivery.QUEUE) {
        QueueConsumers.Result run = blog.lastQueueRun();
        assertThat(run.mostInFlight()).as("%s: batches in flight at once", scenario).isEqualTo(1);
        assertThat(run.failedItems()).as("%s: messages reported as failed", scenario).isZero();
      }
      return blog.view(scenario.paths());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void throughTheQueueParallelInstancesEndWhereOneAtATimeDoes(Scenario scenario) {
    Map<String, String> reference = endState(scenario, Delivery.ONE_AT_A_TIME, 1);
    assertThat(reference).as("the reference shows pages").containsKey("/");
    int shuffles = scenario.round().size() > 20 ? 1 : 2;
    for (long seed = 1; seed <= shuffles; seed++) {
      Map<String, String> queued = endState(scenario, Delivery.QUEUE, seed);
      assertThat(differences(queued, reference))
          .as("%s, shuffle %d: %s", scenario, seed, describe(queued, reference))
          .isEmpty();
    }
  }

  /** Eight files that want one slug arrive as its owner is deleted: the most contended case. */
  static Scenario crowd() {
    List<Write> round = new ArrayList<>();
    for (char name = 'b'; name <= 'i'; name++) {
      round.add(
          put(
              String.valueOf(name),
              Character.toUpperCase(name) + "ravo",
              "2025-02-0" + (name - 'a'),
              List.of(name % 2 == 0 ? "red" : "blue", "green"),
              "shared"));
    }
    round.add(delete("a"));
    return new Scenario(
        "eight files that want one slug as its owner is deleted",
        List.of(put("a", "Alpha", "2025-01-01", List.of("red"), "shared")),
        round,
        Set.of("/shared/", "/a/"));
  }

  @Test
  @EnabledIfSystemProperty(named = "inkwell.races", matches = "true")
  void withoutTheQueueTheSameEventsRaceAndThisTestSeesIt() {
    Scenario crowd = crowd();
    Map<String, String> reference = endState(crowd, Delivery.ONE_AT_A_TIME, 1);
    List<Integer> differing = new ArrayList<>();
    for (int round = 1; round <= 60 && differing.isEmpty(); round++) {
      Map<String, String> raced = endState(crowd, Delivery.BYPASS, round);
      if (!raced.equals(reference)) {
        differing.add(round);
        System.out.println(
            "without the queue, round " + round + " ended elsewhere:" + describe(raced, reference));
      }
    }
    assertThat(differing)
        .as("rounds in which every event at once ended elsewhere than one at a time")
        .isNotEmpty();
  }

  /** Each differing path with both texts, shortened. */
  static String describe(Map<String, String> actual, Map<String, String> expected) {
    StringBuilder out = new StringBuilder();
    for (String path : differences(actual, expected)) {
      out.append("\n")
          .append(path)
          .append("\n  got:      ")
          .append(brief(actual.get(path)))
          .append("\n  expected: ")
          .append(brief(expected.get(path)));
    }
    return out.toString();
  }

  private static String brief(String text) {
    if (text == null) {
      return "(none)";
    }
    String flat = text.replaceAll("\\s+", " ");
    int at = flat.indexOf("<main");
    flat = at >= 0 ? flat.substring(0, 12) + " ... " + flat.substring(at) : flat;
    return flat.length() > 700 ? flat.substring(0, 700) + "..." : flat;
  }

  /** The paths where two views differ, for a readable failure. */
  static Set<String> differences(Map<String, String> a, Map<String, String> b) {
    Set<String> paths = new TreeSet<>(a.keySet());
    paths.addAll(b.keySet());
    paths.removeIf(p -> java.util.Objects.equals(a.get(p), b.get(p)));
    return paths;
  }
}
