package inkwell.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.site.SiteRequest;
import inkwell.site.SiteResponse;
import inkwell.site.SiteService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a reader must never see, checked through the site's own read path (the same {@link
 * SiteService} the site function runs): a post listed twice in any listing, tag page, archive or
 * feed; an entry whose link does not answer 200; a tag index count that differs from its tag page;
 * a redirect that does not end on a page (an alias may never end on a 410). Posts are told apart by
 * the first word of their title, which the tests make the source's name.
 */
final class ReaderInvariant {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SiteService site;
  private final String baseUrl;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, SiteResponse> responses = new HashMap<>();

  private ReaderInvariant(SiteService site, String baseUrl) {
    this.site = site;
    this.baseUrl = baseUrl;
  }

  /**
   * Every breach of the invariant, one line each; empty if none. {@code aliases} and {@code slugs}
   * are paths that may redirect: aliases must end on a 200, old slugs on a 200 or a 410.
   */
  static List<String> check(
      SiteService site, String baseUrl, Set<String> aliases, Set<String> slugs) {
    return check(site, baseUrl, aliases, slugs, 0);
  }

  /**
   * As {@link #check(SiteService, String, Set, Set)}, with the tag index allowed to count up to
   * {@code countLag} fewer posts than a tag page lists (never more): a publish in progress.
   */
  static List<String> check(
      SiteService site, String baseUrl, Set<String> aliases, Set<String> slugs, int countLag) {
    ReaderInvariant check = new ReaderInvariant(site, baseUrl);
    check.run(aliases, slugs, countLag);
    return check.problems;
  }

  private void run(Set<String> aliases, Set<String> slugs, int countLag) {
    listing("/", "home");
    listing("/archive/", "archive");
    for (Map.Entry<String, Integer> tag : tagIndex().entrySet()) {
      int listed = listing(tag.getKey(), "tag page " + tag.getKey());
      if (listed < tag.getValue() || listed - tag.getValue() > countLag) {
        problems.add(
            "tag index counts "
                + tag.getValue()
                + " at "
                + tag.getKey()
                + ", page lists "
                + listed);
      }
    }
    rss();
    atom();
    jsonFeed();
    sitemap("/sitemap.xml");
    for (String alias : aliases) {
      redirect(alias, false);
    }
    for (String slug : slugs) {
      redirect(slug, true);
    }
  }

  /** Walks a listing through its older-posts links; returns how many entries it has. */
  private int listing(String path, String what) {
    Set<String> names = new LinkedHashSet<>();
    int entries = 0;
    String next = path;
    while (next != null) {
      SiteResponse response = get(next);
      if (response.status() != 200) {
        problems.add(what + ": " + next + " answers " + response.status());
        return entries;
      }
      Document page = Jsoup.parse(response.text());
      for (Element link : page.select("ol.post-list article.entry h2 a")) {
        entries++;
        entry(what, names, link.text(), link.attr("href"));
      }
      Element older = page.selectFirst("a[rel=next]");
      next = older == null ? null : older.attr("href");
    }
    return entries;
  }

  private void entry(String what, Set<String> names, String title, String href) {
    String name = title.split(" ")[0];
    if (!names.add(name)) {
      problems.add(what + ": " + name + " listed twice (" + title + ")");
    }
    String path = href.startsWith(baseUrl) ? href.substring(baseUrl.length()) : href;
    int status = get(path).status();
    if (status != 200) {
      problems.add(what + ": entry " + title + " links to " + path + ", which answers " + status);
      return;
    }
    for (Element link : Jsoup.parse(get(path).text()).select("nav.post-nav a")) {
      List<String> chain = follow(link.attr("href"));
      if (!chain.get(chain.size() - 1).endsWith(" 200")) {
        problems.add(what + ": " + path + " links to " + String.join(" -> ", chain));
      }
    }
  }

  private Map<String, Integer> tagIndex() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Document page = Jsoup.parse(get("/tags/").text());
    for (Element link : page.select("a[rel=tag]")) {
      Element count = link.nextElementSibling();
      counts.put(link.attr("href"), Integer.parseInt(count.text().split(" ")[0]));
    }
    return counts;
  }

  private void rss() {
    Set<String> names = new LinkedHashSet<>();
    Document feed = Jsoup.parse(get("/feed.xml").text(), "", Parser.xmlParser());
    for (Element item : feed.select("item")) {
      entry("RSS", names, item.selectFirst("title").text(), item.selectFirst("link").text());
    }
  }

  private void atom() {
    Set<String> names = new LinkedHashSet<>();
    Document feed = Jsoup.parse(get("/atom.xml").text(), "", Parser.xmlParser());
    for (Element item : feed.select("entry")) {
      entry("Atom", names, item.selectFirst("title").text(), item.selectFirst("link").attr("href"));
    }
  }

  private void jsonFeed() {
    Set<String> names = new LinkedHashSet<>();
    try {
      JsonNode feed = JSON.readTree(get("/feed.json").text());
      for (JsonNode item : feed.path("items")) {
        entry("JSON Feed", names, item.path("title").asText(), item.path("url").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sitemap(String path) {
    Document map = Jsoup.parse(get(path).text(), "", Parser.xmlParser());
    for (Element loc : map.select("loc")) {
      String url = loc.text().substring(baseUrl.length());
      if (url.matches("/sitemap-\\d+\\.xml")) {
        sitemap(url);
      } else if (get(url).status() != 200) {
        problems.add("sitemap lists " + url + ", which answers " + get(url).status());
      }
    }
  }

  /** Follows redirects from {@code path}: they must end on a 200 (or a 410, for an old slug). */
  private void redirect(String path, boolean slug) {
    List<String> chain = follow(path);
    String end = chain.get(chain.size() - 1);
    boolean ok = end.endsWith(" 200") || (slug && end.endsWith(" 410"));
    if (chain.size() > 1 && !ok) {
      problems.add("redirect " + String.join(" -> ", chain) + " does not end on a page");
    }
  }

  /** The paths and statuses from {@code path} through up to five redirects. */
  private List<String> follow(String path) {
    String at = path;
    SiteResponse response = get(at);
    List<String> chain = new ArrayList<>(List.of(at + " " + response.status()));
    for (int hop = 0; hop < 5 && response.status() / 100 == 3; hop++) {
      at = response.headers().get("Location");
      at = at.startsWith(baseUrl) ? at.substring(baseUrl.length()) : at;
      response = get(at);
      chain.add(at + " " + response.status());
    }
    return chain;
  }

  /** One response per path and check: the state does not change while it is read. */
  private SiteResponse get(String path) {
    return responses.computeIfAbsent(path, p -> site.handle(SiteRequest.get(p)));
  }
}
