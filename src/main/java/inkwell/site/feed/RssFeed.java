package inkwell.site.feed;

import inkwell.site.SiteInfo;
import inkwell.site.SitePaths;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** Writes RSS 2.0 (https://www.rssboard.org/rss-specification). */
final class RssFeed {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String DC = "http://purl.org/dc/elements/1.1/";

  private RssFeed() {}

  static String write(SiteInfo site, List<FeedEntry> entries, Instant lastBuild) {
    return Xml.document(
        xml -> {
          xml.start("rss")
              .attribute("version", "2.0")
              .namespace("atom", ATOM)
              .namespace("content", CONTENT)
              .namespace("dc", DC);
          xml.start("channel")
              .element("title", site.title())
              .element("link", site.url(SitePaths.HOME))
              .element("description", html(site.description()))
              .element("language", site.language())
              .element("lastBuildDate", FeedDates.rfc822(lastBuild))
              .element("generator", Feeds.GENERATOR);
          xml.empty("atom", "link", ATOM)
              .attribute("rel", "self")
              .attribute("href", site.url(SitePaths.RSS))
              .attribute("type", "application/rss+xml");
          for (FeedEntry entry : entries) {
            item(xml, site, entry);
          }
          xml.end().end();
        });
  }

  /**
   * Plain text as HTML. Readers treat RSS descriptions as HTML, so a summary that mentions {@code
   * <stuff>} is escaped once for HTML here and once more for XML by the writer.
   */
  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void item(Xml xml, SiteInfo site, FeedEntry entry) throws XMLStreamException {
    String link = Feeds.link(site, entry);
    xml.start("item").element("title", entry.title()).element("link", link);
    xml.start("guid").attribute("isPermaLink", "true").text(link).end();
    xml.element("pubDate", FeedDates.rfc822(Feeds.published(entry)));
    if (entry.summary() != null) {
      xml.element("description", html(entry.summary()));
    }
    if (entry.contentHtml() != null) {
      // Escaped text rather than CDATA: no "]]>" in the content can end it early.
      xml.element("content", "encoded", CONTENT, entry.contentHtml());
    }
    for (String tag : entry.tags()) {
      xml.element("category", tag);
    }
    // RSS's own <author> must be an e-mail address; Dublin Core takes a name.
    String creator = entry.author() != null ? entry.author() : site.authorOrNull();
    if (creator != null) {
      xml.element("dc", "creator", DC, creator);
    }
    xml.end();
  }
}
