package inkwell.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.aws.S3SnapshotStore;
import inkwell.aws.SqsSearchChanges;
import inkwell.publish.PublishHandler;
import inkwell.storage.Sequencer;
import inkwell.testenv.ApiGatewayEvents;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.NotificationPlayer;
import inkwell.testenv.SqsDelivery;
import inkwell.testenv.SqsEmulator;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The publish, index and search functions together, each invoked with the JSON its trigger sends
 * (S3 notifications, SQS FIFO batches, API Gateway HTTP API requests), against S3, DynamoDB and SQS
 * wire-protocol servers: a change goes from an upload through the queue into a snapshot in the
 * bucket, and out through the search page and the JSON API.
 */
@ExtendWith({AwsEmulators.class, SqsEmulator.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFunctionsTest {

  private static final AtomicLong SEQUENCE = new AtomicLong(0x5000);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Emulators emulators;
  private final SqsEmulator.Sqs sqs;
  private final S3Client s3;
  private String bucket;
  private String queue;
  private PublishHandler publish;
  private IndexHandler index;
  private SearchHandler search;
  private Map<String, Object> properties;

  SearchFunctionsTest(Emulators emulators, SqsEmulator.Sqs sqs) {
    this.emulators = emulators;
    this.sqs = sqs;
    this.s3 = emulators.s3();
  }

  /** A new stack (bucket, table, queue and the three functions) for each group of tests. */
  void startFunctions() {
    if (publish != null) {
      stopFunctions();
    }
    bucket = Emulators.uniqueName("search");
    String table = Emulators.uniqueName("posts");
    Buckets.createContentBucket(s3, bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    queue = sqs.createFifoQueue("search");
    properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    properties.put("inkwell.search-queue-url", queue);
    properties.put("inkwell.site.title", "Search test");
    properties.put(EmulatorAwsSettings.SQS_ENDPOINT, sqs.endpoint().toString());
    publish = new PublishHandler(context(properties));
    index = new IndexHandler(context(properties));
    search = new SearchHandler(context(properties));
  }

  private static ApplicationContextBuilder context(Map<String, Object> properties) {
    return ApplicationContext.builder().properties(properties);
  }

  @AfterAll
  void stopFunctions() {
    if (publish == null) {
      return;
    }
    publish.close();
    index.close();
    search.close();
  }

  // ------------------------------------------------------------------ helpers

  private static String sequencer() {
    return String.format("00%016X", SEQUENCE.addAndGet(0x10));
  }

  private void upload(String key, String markdown) {
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(markdown));
    NotificationPlayer.deliverTo(publish, BucketEventJson.put(bucket, key, sequencer(), null));
  }

  private String delete(String key) {
    s3.deleteObject(r -> r.bucket(bucket).key(key));
    String sequencer = sequencer();
    NotificationPlayer.deliverTo(publish, BucketEventJson.delete(bucket, key, sequencer));
    return sequencer;
  }

  private int indexAll() {
    return SqsDelivery.drain(sqs.client(), queue, index, 10);
  }

  private APIGatewayV2HTTPResponse get(String pathAndQuery, Map<String, String> headers) {
    return LambdaInvoker.invoke(
        search,
        APIGatewayV2HTTPEvent.class,
        ApiGatewayEvents.request("GET", pathAndQuery, headers));
  }

  private static String body(APIGatewayV2HTTPResponse response) {
    byte[] bytes = Base64.getDecoder().decode(response.getBody());
    if ("gzip".equals(response.getHeaders().get("Content-Encoding"))) {
      try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The slugs {@code /api/search} answers for {@code query}, best first. */
  private java.util.List<String> found(String query) throws Exception {
    APIGatewayV2HTTPResponse response =
        get("/api/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8), Map.of());
    assertThat(response.getStatusCode()).isEqualTo(200);
    java.util.List<String> slugs = new java.util.ArrayList<>();
    JSON.readTree(body(response)).get("results").forEach(r -> slugs.add(r.get("slug").asText()));
    return slugs;
  }

  private void awaitNewSnapshot() throws InterruptedException {
    // The search function reads the pointer again at most every CHECK_EVERY.
    Thread.sleep(SearchHandler.CHECK_EVERY.toMillis() + 200);
  }

  // ------------------------------------------------------------------ tests

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class FromUploadToResults {

    @BeforeAll
    void publishAndIndex() throws Exception {
      startFunctions();
      upload(
          "posts/lambda.md",
          "---\ntitle: Deploying Lambda functions\ntags: [AWS]\n---\n"
              + "We keep deploying small functions.\n");
      upload(
          "posts/hostile.md",
          "---\ntitle: \"<script>window.__pwned=1</script> Hostile\"\n---\n"
              + "Hostile body with <img src=x onerror=\"window.__pwned=1\"> markup.\n");
      assertThat(indexAll()).isPositive();
      awaitNewSnapshot();
    }

    @Test
    void thePointerNamesASnapshotHoldingBothPosts() {
      S3SnapshotStore store = new S3SnapshotStore(s3, bucket, "_search/");
      assertThat(store.current()).get().extracting(p -> p.posts()).isEqualTo(2);
      assertThat(store.read(store.current().get().id())).isNotEmpty();
    }

    @Test
    void theSearchPageRanksMarksAndKeepsTheQuery() {
      APIGatewayV2HTTPResponse response =
          get("/search?q=deploy", Map.of("accept-encoding", "gzip"));
      assertThat(response.getStatusCode()).isEqualTo(200);
      assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
      assertThat(response.getHeaders().get("Content-Security-Policy"))
          .contains("form-action 'self'");
      String html = body(response);
      assertThat(html)
          .contains("Deploying Lambda functions")
          .contains("<mark>deploying</mark>")
          .contains("value=\"deploy\"")
          .contains("1 post matches.");
    }

    @Test
    void theJsonApiGivesTheSameResultsWithTheMarkedRanges() throws Exception {
      APIGatewayV2HTTPResponse response = get("/api/search?q=deploying", Map.of());
      assertThat(response.getHeaders().get("Content-Type")).startsWith("application/json");
      JsonNode results = JSON.readTree(body(response));
      assertThat(results.get("total").asInt()).isEqualTo(1);
      JsonNode hit = results.get("results").get(0);
      assertThat(hit.get("slug").asText()).isEqualTo("lambda");
      assertThat(hit.get("url").asText())
          .isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com/lambda/");
      String snippet = hit.get("snippet").asText();
      JsonNode range = hit.get("marked").get(0);
      assertThat(snippet.substring(range.get(0).asInt(), range.get(1).asInt()))
          .isEqualTo("deploying");
    }

    @Test
    void theHostilePostAndAHostileQueryAreEscaped() {
      String html = body(get("/search?q=%3Cscript%3Ehostile", Map.of()));
      assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x");
      assertThat(html).contains("&lt;script&gt;");
      String found = body(get("/search?q=hostile", Map.of()));
      assertThat(found).contains("&lt;script&gt;window.__pwned=1&lt;/script&gt; Hostile");
      assertThat(found).doesNotContain("<script>");
    }

    @Test
    void noMatchesGivesAHelpfulPageAndAnEmptyQueryTheEmptyForm() {
      assertThat(body(get("/search?q=zeppelin", Map.of())))
          .contains("No posts match \u201czeppelin\u201d");
      String form = body(get("/search", Map.of()));
      assertThat(form).contains("<h1>Search</h1>").contains("value=\"\"");
    }

    @Test
    void onlyGetAndHeadAreAnsweredAndOtherPathsAre404() {
      APIGatewayV2HTTPResponse post =
          LambdaInvoker.invoke(
              search,
              APIGatewayV2HTTPEvent.class,
              ApiGatewayEvents.request("POST", "/search?q=x", Map.of()));
      assertThat(post.getStatusCode()).isEqualTo(405);
      assertThat(post.getHeaders().get("Allow")).isEqualTo("GET, HEAD");
      APIGatewayV2HTTPResponse head =
          LambdaInvoker.invoke(
              search,
              APIGatewayV2HTTPEvent.class,
              ApiGatewayEvents.request("HEAD", "/search?q=deploy", Map.of()));
      assertThat(head.getStatusCode()).isEqualTo(200);
      assertThat(body(head)).isEmpty();
      assertThat(get("/lambda/", Map.of()).getStatusCode()).isEqualTo(404);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OrderAndRebuild {

    @BeforeAll
    void newStack() {
      startFunctions();
    }

    @Test
    void aLateOlderChangeNeverBringsBackARemovedPost() throws Exception {
      upload("posts/gone.md", "---\ntitle: Vanishing act\n---\nQuokka.\n");
      String removedAt = delete("posts/gone.md");
      indexAll();
      // The change of the upload arrives again, late (another deduplication id: a new send).
      new SqsSearchChanges(sqs.client(), queue)
          .changed("posts/gone.md", Sequencer.of("0000000000000001"));
      assertThat(indexAll()).isEqualTo(1);
      awaitNewSnapshot();
      assertThat(found("quokka")).isEmpty();
      assertThat(removedAt).isNotEmpty();
    }

    @Test
    void aSyncOfManyPostsBecomesAFewIndexWrites() throws Exception {
      for (int i = 0; i < 25; i++) {
        upload("posts/many-" + i + ".md", "---\ntitle: Many " + i + "\n---\nPlatypus " + i + ".\n");
      }
      assertThat(indexAll()).isEqualTo(3);
      awaitNewSnapshot();
      assertThat(JSON.readTree(body(get("/api/search?q=platypus", Map.of()))).get("total").asInt())
          .isEqualTo(25);
    }

    @Test
    void aRebuildFromTheTableFindsWhatTheIncrementalIndexFinds() throws Exception {
      upload("posts/wombat.md", "---\ntitle: Wombat\ntags: [Marsupials]\n---\nBurrows.\n");
      upload("posts/wombat.md", "---\ntitle: Wombat again\n---\nTunnels.\n");
      indexAll();
      awaitNewSnapshot();
      java.util.List<String> queries =
          java.util.List.of("wombat", "burrows", "tunnels", "marsupials", "platypus", "deploy");
      Map<String, java.util.List<String>> incremental = new java.util.LinkedHashMap<>();
      for (String query : queries) {
        incremental.put(query, found(query));
      }
      new SqsSearchChanges(sqs.client(), queue).requestRebuild();
      assertThat(indexAll()).isEqualTo(1);
      awaitNewSnapshot();
      for (String query : queries) {
        assertThat(found(query)).as(query).isEqualTo(incremental.get(query));
      }
      assertThat(incremental.get("tunnels")).containsExactly("wombat");
      assertThat(incremental.get("burrows")).isEmpty();
    }
  }

  /** The links of a page's header menu after Home, Tags, Archive and Feed: "href label". */
  private static java.util.List<String> menuLinks(String html) {
    int start = html.indexOf("<nav class=\"site-nav\"");
    String nav = html.substring(start, html.indexOf("</nav>", start));
    java.util.List<String> links = new java.util.ArrayList<>();
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("<a href=\"([^\"]*)\"[^>]*>([^<]*)</a>").matcher(nav);
    while (link.find()) {
      links.add(link.group(1) + " " + link.group(2));
    }
    assertThat(links.subList(0, 4)).as(nav).hasSize(4).last().isEqualTo("/feed.xml Feed");
    return links.subList(4, links.size());
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class HeaderMenu {

    private inkwell.site.SiteHandler site;

    @BeforeAll
    void newStackWithMenuPages() throws Exception {
      startFunctions();
      java.util.Map<String, Object> fresh = new java.util.HashMap<>(properties);
      fresh.put("inkwell.site.shared-cache-seconds", "0");
      site = new inkwell.site.SiteHandler(ApplicationContext.builder().properties(fresh).start());
      upload(
          "pages/about.md", "---\ntitle: About this blog\nmenu: 1\nmenuTitle: About\n---\nWho.\n");
      upload("pages/now.md", "---\ntitle: Now\nmenu: 2\n---\nWhat now.\n");
      upload("posts/lambda.md", "---\ntitle: Deploying Lambda functions\n---\nDeploying.\n");
      indexAll();
      awaitNewSnapshot();
    }

    @AfterAll
    void stopSite() {
      site.close();
    }

    private String sitePage(String path) {
      APIGatewayV2HTTPResponse response =
          LambdaInvoker.invoke(
              site, APIGatewayV2HTTPEvent.class, ApiGatewayEvents.request("GET", path, Map.of()));
      assertThat(response.getStatusCode()).as(path).isEqualTo(200);
      return response.getIsBase64Encoded() ? body(response) : response.getBody();
    }

    @Test
    void theSearchPagesHaveTheMenuEveryOtherPageHas() {
      java.util.List<String> site = menuLinks(sitePage("/"));
      assertThat(site).contains("/about/ About", "/now/ Now");
      assertThat(menuLinks(body(get("/search", Map.of())))).isEqualTo(site);
      assertThat(menuLinks(body(get("/search?q=deploying", Map.of())))).isEqualTo(site);
      assertThat(menuLinks(body(get("/search?q=zeppelin", Map.of("accept-encoding", "gzip")))))
          .isEqualTo(site);
    }

    @Test
    void aChangedMenuFieldShowsOnTheSearchPageOnceTheIndexFunctionRan() throws Exception {
      upload("pages/uses.md", "---\ntitle: Uses\nmenu: 50\n---\nA laptop.\n");
      indexAll();
      awaitNewSnapshot();
      assertThat(menuLinks(body(get("/search", Map.of())))).last().isEqualTo("/uses/ Uses");

      upload("pages/uses.md", "---\ntitle: Uses\nmenu: 0\nmenuTitle: Gear\n---\nA laptop.\n");
      assertThat(menuLinks(body(get("/search", Map.of()))))
          .as("as fresh as the last snapshot")
          .last()
          .isEqualTo("/uses/ Uses");
      indexAll();
      awaitNewSnapshot();
      assertThat(menuLinks(body(get("/search", Map.of())))).first().isEqualTo("/uses/ Gear");
    }

    @Test
    void aRemovedPageAndATakenOutMenuFieldLeaveTheSearchPageMenu() throws Exception {
      upload("pages/colophon.md", "---\ntitle: Colophon\nmenu: 60\n---\nSet in Inkwell.\n");
      upload("pages/contact.md", "---\ntitle: Contact\nmenu: 61\n---\nWrite.\n");
      indexAll();
      awaitNewSnapshot();
      assertThat(menuLinks(body(get("/search", Map.of()))))
          .contains("/colophon/ Colophon", "/contact/ Contact");

      delete("pages/colophon.md");
      upload("pages/contact.md", "---\ntitle: Contact\n---\nWrite.\n");
      indexAll();
      awaitNewSnapshot();
      assertThat(menuLinks(body(get("/search", Map.of()))))
          .doesNotContain("/colophon/ Colophon", "/contact/ Contact")
          .contains("/about/ About");
    }

    @Test
    void theJsonApiCarriesNoMenu() throws Exception {
      JsonNode results = JSON.readTree(body(get("/api/search?q=deploying", Map.of())));
      java.util.List<String> fields = new java.util.ArrayList<>();
      results.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly("query", "page", "total", "totalIsLowerBound", "results", "next");
      assertThat(results.get("results").get(0).get("slug").asText()).isEqualTo("lambda");
    }

    @Test
    void aPointerFromBeforeTheMenuStillServesAndARebuildRecordsTheMenu() throws Exception {
      S3SnapshotStore store = new S3SnapshotStore(s3, bucket, "_search/");
      inkwell.storage.SnapshotStore.Pointer current = store.current().orElseThrow();
      assertThat(current.menu().entries()).isNotEmpty();
      // The pointer as the version before the menu wrote it.
      s3.putObject(
          r -> r.bucket(bucket).key(store.pointerKey()),
          RequestBody.fromString(
              "{\"snapshot\":\""
                  + current.id()
                  + "\",\"previous\":\""
                  + current.previous()
                  + "\",\"posts\":"
                  + current.posts()
                  + "}"));
      awaitNewSnapshot();
      APIGatewayV2HTTPResponse page = get("/search?q=deploying", Map.of());
      assertThat(page.getStatusCode()).isEqualTo(200);
      assertThat(body(page)).contains("Deploying Lambda functions");
      assertThat(menuLinks(body(page))).isEmpty();

      new SqsSearchChanges(sqs.client(), queue).requestRebuild();
      assertThat(indexAll()).isEqualTo(1);
      awaitNewSnapshot();
      assertThat(menuLinks(body(get("/search", Map.of())))).isEqualTo(menuLinks(sitePage("/")));
    }
  }
}
