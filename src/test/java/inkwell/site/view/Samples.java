package inkwell.site.view;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.post.TocEntry;
import inkwell.site.SiteInfo;
import inkwell.storage.PostSummary;
import inkwell.storage.TagCount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Views to render in tests and in the theme preview: realistic posts, listings and errors. */
final class Samples {

  static final String BASE_URL = "https://blog.example.com";
  static final String HOSTILE = "<script>alert(1)</script> \"quotes\" & ampersands";
  static final Instant DATE = Instant.parse("2024-08-05T07:30:00Z");
  static final Instant UPDATED = Instant.parse("2024-09-12T16:00:00Z");

  private static final PostPipeline PIPELINE = PostPipeline.create();

  private Samples() {}

  static SiteInfo site() {
    return new SiteInfo(
        "Inkwell Notes",
        "Writing about Java, AWS Lambda and the craft of small software.",
        BASE_URL,
        "Ada Example",
        "en",
        ZoneId.of("UTC"),
        Theme.load().stylesheetPath());
  }

  static SiteInfo site(String title, String language, ZoneId zone) {
    SiteInfo site = site();
    return new SiteInfo(
        title, site.description(), BASE_URL, site.author(), language, zone, site.stylesheetPath());
  }

  /** A long post through the real pipeline: headings, code, a table, a task list, footnotes. */
  static Post longPost() {
    return parse(
        "posts/2024/hello.md",
        """
        ---
        title: "Hello, Inkwell"
        date: 2024-08-05T09:30:00+02:00
        lastmod: 2024-09-12T18:00:00+02:00
        tags: [Java, AWS Lambda, Serverless]
        author: Ada Example
        summary: Why this blog runs on two Lambda functions, and what it costs to keep it there.
        image: /images/cover.png
        ---
        Serverless blogs cost nothing when nobody reads them.[^1] This one stores **Markdown** in
        S3 and pages in DynamoDB, and a very long word like \
        Donaudampfschifffahrtsgesellschaftskapitaenskajuetenschluesselbund must wrap, as must
        https://example.com/a/very/long/url/that/goes/on/and/on/without/any/break/at/all/ever.

        ## Why serverless?

        Because a blog is idle most of the time. See [the AWS docs](https://docs.aws.amazon.com/)
        and the [archive](/archive/).

        > A quotation, to show how block quotes look. It runs over two lines on a phone.

        ### What it costs

        | Part | Price per million | Notes |
        |:-----|------------------:|-------|
        | HTTP API | $1.00 | cheaper than REST API at $3.50 per million requests |
        | Lambda | $0.20 | plus compute time, billed per millisecond |
        | DynamoDB | $0.25 | on-demand reads |

        ## The code

        ```java
        public final class Hello implements RequestHandler<Map<String, Object>, String> {
          @Override public String handleRequest(Map<String, Object> event, Context context) { return "Hello from Inkwell, " + event.getOrDefault("name", "world"); }
        }
        ```

        Inline `code` and a keyboard shortcut <kbd>Ctrl</kbd>+<kbd>C</kbd>.

        #### A to-do list

        - [x] parse Markdown
        - [x] store posts
        - [ ] write the theme

        1. First
        2. Second

        ---

        That is all.

        [^1]: And very little when they do.
        """);
  }

  /** A short post with no toc, no tags and no author. */
  static Post shortPost() {
    return parse(
        "posts/2024/short.md", "---\ntitle: A short note\ndate: 2024-07-01\n---\nJust a line.");
  }

  static Post parse(String key, String markdown) {
    ParseResult result =
        PIPELINE.parse(new Source(key, markdown.getBytes(StandardCharsets.UTF_8), DATE));
    if (result instanceof ParseResult.Parsed parsed) {
      return parsed.post();
    }
    throw new IllegalArgumentException(((ParseResult.Rejected) result).describe());
  }

  /** A post built directly, every text field set to {@code text}. */
  static Post post(String text, String bodyHtml, List<TocEntry> toc) {
    return new Post(
        "posts/x.md",
        "2024/x",
        text,
        DATE,
        UPDATED,
        List.of(new Tag(text, "hostile")),
        List.of(),
        text,
        false,
        null,
        null,
        List.of(),
        null,
        null,
        text,
        bodyHtml,
        toc,
        1200,
        6,
        "0".repeat(64),
        Map.of());
  }

  static PostView postView() {
    return new PostView(site(), longPost(), true, null);
  }

  static ListingView home(List<PostSummary> posts, String olderPath, boolean firstPage) {
    SiteInfo site = site();
    return new ListingView(
        site,
        ListingView.Kind.HOME,
        site.title(),
        site.description(),
        "/",
        posts,
        olderPath,
        firstPage);
  }

  static ListingView home() {
    return home(
        List.of(PostSummary.of(longPost()), PostSummary.of(shortPost())),
        "/?after=c2Vjb25kLXBhZ2U",
        true);
  }

  static ListingView tagPage() {
    return new ListingView(
        site(),
        ListingView.Kind.TAG,
        "Posts tagged Java",
        null,
        "/tags/java/",
        List.of(PostSummary.of(longPost())),
        null,
        true);
  }

  static TagIndexView tagIndex() {
    return new TagIndexView(
        site(),
        List.of(
            new TagCount("AWS Lambda", "aws-lambda", 1),
            new TagCount("Java", "java", 12),
            new TagCount("Serverless", "serverless", 3)));
  }

  static ErrorView notFound() {
    return new ErrorView(
        site(), 404, "Page not found", "There is no page at this address. It may have moved.");
  }
}
