package inkwell.site.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import inkwell.site.SiteInfo;
import inkwell.site.SitePaths;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/** Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with jackson-core's generator. */
final class JsonFeed {

  static final String VERSION = "https://jsonfeed.org/version/1.1";

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private JsonFeed() {}

  static String write(SiteInfo site, List<FeedEntry> entries) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("version", VERSION);
      json.writeStringField("title", site.title());
      json.writeStringField("home_page_url", site.url(SitePaths.HOME));
      json.writeStringField("feed_url", site.url(SitePaths.JSON_FEED));
      json.writeStringField("description", site.description());
      json.writeStringField("language", site.language());
      if (site.hasAuthor()) {
        authors(json, site.author());
      }
      json.writeArrayFieldStart("items");
      for (FeedEntry entry : entries) {
        item(json, site, entry);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void item(JsonGenerator json, SiteInfo site, FeedEntry entry) throws IOException {
    String url = Feeds.link(site, entry);
    json.writeStartObject();
    json.writeStringField("id", url);
    json.writeStringField("url", url);
    json.writeStringField("title", entry.title());
    // Every item needs content_html or content_text; a summary-only feed sends the summary.
    if (entry.contentHtml() != null) {
      json.writeStringField("content_html", entry.contentHtml());
    } else {
      json.writeStringField("content_text", entry.summary() != null ? entry.summary() : "");
    }
    if (entry.summary() != null) {
      json.writeStringField("summary", entry.summary());
    }
    if (entry.image() != null) {
      json.writeStringField("image", absolute(site, entry.image()));
    }
    json.writeStringField("date_published", FeedDates.rfc3339(Feeds.published(entry)));
    json.writeStringField("date_modified", FeedDates.rfc3339(Feeds.updated(entry)));
    if (!entry.tags().isEmpty()) {
      json.writeArrayFieldStart("tags");
      for (String tag : entry.tags()) {
        json.writeString(tag);
      }
      json.writeEndArray();
    }
    if (entry.author() != null) {
      authors(json, entry.author());
    }
    json.writeEndObject();
  }

  private static void authors(JsonGenerator json, String name) throws IOException {
    json.writeArrayFieldStart("authors");
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeEndObject();
    json.writeEndArray();
  }

  /** An absolute URL as given; a site path made absolute. */
  static String absolute(SiteInfo site, String urlOrPath) {
    return HAS_SCHEME.matcher(urlOrPath).find() ? urlOrPath : site.url(urlOrPath);
  }
}
