package inkwell.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import inkwell.site.SiteHandler;
import inkwell.testenv.ApiGatewayEvents;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.RequestCounter;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm page latency: the site handler in this JVM, fed API Gateway event JSON deserialized as the
 * Lambda runtime does, for the home page, a post, a tag page and the feed, interleaved with a bare
 * DynamoDB GetItem of a post item against the same emulator (the storage round trip every page pays
 * at least once). Requests per page are counted inside the handler's clients.
 */
final class PageBench {

  static final Map<String, String> BROWSER = Map.of("accept-encoding", "gzip, deflate, br");

  /** Per page: latency percentiles, requests and read units of one view, response size. */
  record PageFigures(
      String path,
      double p50Ms,
      double p99Ms,
      List<String> requests,
      double readUnits,
      int status,
      int bodyBytes) {}

  record Figures(Map<String, PageFigures> pages, double rawP50Ms, double rawP99Ms) {}

  private PageBench() {}

  static Figures run(Blog blog, String postSlug, int warmup, int samples, Report report) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    pages.put("post", "/" + postSlug + "/");
    pages.put("tag", "/tags/java/");
    pages.put("feed", "/feed.xml");
    Map<String, Object> properties = blog.handlerProperties();
    properties.put("inkwell.site.base-url", "https://blog.example.com");
    SiteHandler handler =
        new SiteHandler(ApplicationContext.builder().properties(properties).start());
    try {
      RequestCounter counter = handler.getApplicationContext().getBean(RequestCounter.class);
      CapacityMeter meter = handler.getApplicationContext().getBean(CapacityMeter.class);
      Map<String, String> events = new LinkedHashMap<>();
      pages.forEach(
          (name, path) -> events.put(name, ApiGatewayEvents.request("GET", path, BROWSER)));
      Map<String, AttributeValue> key =
          Map.of(
              "pk", AttributeValue.fromS("POST#" + postSlug), "sk", AttributeValue.fromS("POST"));
      var dynamo = blog.emulators().dynamoDb();
      Runnable raw = () -> dynamo.getItem(r -> r.tableName(blog.table()).key(key));

      Map<String, List<Double>> times = new LinkedHashMap<>();
      pages.keySet().forEach(name -> times.put(name, new ArrayList<>()));
      List<Double> rawTimes = new ArrayList<>();
      for (int i = 0; i < warmup + samples; i++) {
        boolean measured = i >= warmup;
        for (Map.Entry<String, String> page : events.entrySet()) {
          long started = System.nanoTime();
          APIGatewayV2HTTPResponse response =
              LambdaInvoker.invoke(handler, APIGatewayV2HTTPEvent.class, page.getValue());
          long took = System.nanoTime() - started;
          if (response.getStatusCode() != 200) {
            throw new IllegalStateException(
                pages.get(page.getKey()) + " answered " + response.getStatusCode());
          }
          if (measured) {
            times.get(page.getKey()).add(Stats.millis(took));
          }
        }
        long started = System.nanoTime();
        raw.run();
        if (measured) {
          rawTimes.add(Stats.millis(System.nanoTime() - started));
        }
      }

      Map<String, PageFigures> figures = new LinkedHashMap<>();
      for (Map.Entry<String, String> page : events.entrySet()) {
        counter.reset();
        meter.reset();
        APIGatewayV2HTTPResponse response =
            LambdaInvoker.invoke(handler, APIGatewayV2HTTPEvent.class, page.getValue());
        List<Double> t = times.get(page.getKey());
        figures.put(
            page.getKey(),
            new PageFigures(
                pages.get(page.getKey()),
                Stats.median(t),
                Stats.percentile(t, 99),
                counter.operations(),
                meter.readUnits(),
                response.getStatusCode(),
                response.getBody() == null ? 0 : response.getBody().length()));
      }
      double rawP50 = Stats.median(rawTimes);
      double rawP99 = Stats.percentile(rawTimes, 99);
      for (PageFigures page : figures.values()) {
        String name = page.path().equals("/") ? "home /" : page.path();
        String what = name + " (" + String.join("+", page.requests()) + ")";
        report.add("Warm page", what + " p50", page.p50Ms(), "ms", "bare GetItem p50", rawP50);
        report.add("Warm page", what + " p99", page.p99Ms(), "ms", "bare GetItem p99", rawP99);
      }
      Figures result = new Figures(figures, rawP50, rawP99);
      report.detail("pages", result);
      report.detail("pages.samplesPerPage", samples);
      return result;
    } finally {
      handler.close();
    }
  }
}
