package inkwell.site.feed;

import inkwell.site.SiteInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A site and entries the feed tests share. */
final class FeedFixtures {

  static final SiteInfo SITE =
      new SiteInfo(
          "Inkwell Notes",
          "Notes on serverless Java",
          "https://blog.example.com/",
          "Ada Lovelace",
          "en",
          ZoneId.of("Europe/Paris"),
          "/assets/site.3f2a.css");

  /** A full-content entry by the site's author, with a site-relative image. */
  static final FeedEntry HELLO =
      new FeedEntry(
          "Hello, Inkwell",
          "/2024/hello/",
          Instant.parse("2024-08-05T07:30:00Z"),
          Instant.parse("2024-08-06T10:15:00Z"),
          "Why this blog runs on two Lambda functions.",
          "<h2 id=\"why-serverless\">Why serverless?</h2><p>It costs nothing.</p>",
          List.of("java", "aws-lambda"),
          null,
          "/images/hello.png");

  /** A summary-only entry with its own author, an absolute image and no tags; the newest. */
  static final FeedEntry SECOND =
      new FeedEntry(
          "Second post",
          "/2024/second/",
          Instant.parse("2024-09-01T08:00:00Z"),
          Instant.parse("2024-09-01T08:00:00Z"),
          "Only a summary here.",
          null,
          List.of(),
          "Grace Hopper",
          "https://cdn.example.com/second.jpg");

  static final List<FeedEntry> ENTRIES = List.of(SECOND, HELLO);

  static final Instant FALLBACK = Instant.parse("2024-01-02T03:04:05Z");

  /** Plain text that breaks naive XML and JSON writers. */
  static final String AWKWARD =
      "Tom & Jerry <b>not bold</b> \"double\" 'single' ]]> \\ tab\there é ß 日本語 😀 &amp; {}";

  /** HTML that a naive CDATA section would not survive. */
  static final String AWKWARD_HTML =
      "<p>a ]]> b &amp; <b>bold</b> <![CDATA[x]]> 😀 é</p>\n<pre><code>if (a < b && c > d) {}"
          + "</code></pre>";

  /** An entry with awkward text in every field. */
  static final FeedEntry AWKWARD_ENTRY =
      new FeedEntry(
          AWKWARD,
          "/2024/awkward/",
          Instant.parse("2024-03-09T23:59:59Z"),
          Instant.parse("2024-03-10T00:00:01Z"),
          AWKWARD + " summary",
          AWKWARD_HTML,
          List.of("C++ & <templates>", "\"quoted\" tag", "日本語", "]]>"),
          "Zoë \"Zed\" O'Brien & <co>",
          "/images/a&b.png");

  static final SiteInfo AWKWARD_SITE =
      new SiteInfo(
          AWKWARD,
          "Site & \"description\" <here> ]]>",
          "https://blog.example.com",
          "Zoë & <co>",
          "fr-CA",
          ZoneId.of("UTC"),
          "/assets/site.css");

  private FeedFixtures() {}
}
