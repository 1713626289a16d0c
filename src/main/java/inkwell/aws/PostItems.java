package inkwell.aws;

import static inkwell.aws.Attributes.instant;
import static inkwell.aws.Attributes.integer;
import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.putIfPresent;
import static inkwell.aws.Attributes.s;
import static inkwell.aws.Attributes.string;
import static inkwell.aws.Attributes.stringOrEmpty;
import static inkwell.aws.Attributes.strings;
import static inkwell.aws.Attributes.time;

import inkwell.post.MenuPlace;
import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.post.TocEntry;
import inkwell.storage.MenuLink;
import inkwell.storage.PostSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps posts to the attributes of their items and back. */
final class PostItems {

  private PostItems() {}

  /** What every listing entry shows: the post item's and each tag item's shared attributes. */
  static Map<String, AttributeValue> listing(Post post) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("slug", s(post.slug()));
    item.put("title", s(post.title()));
    item.put("date", time(post.date()));
    item.put("updated", time(post.updated()));
    item.put("visibleFrom", time(post.visibleFrom()));
    putIfPresent(item, "expiresAt", post.expiryDate());
    putIfPresent(item, "summary", post.summary());
    item.put("tags", tags(post.tags()));
    item.put("minutes", n(post.readingMinutes()));
    return item;
  }

  /** Every attribute of the post but its body. */
  static Map<String, AttributeValue> metadata(Post post) {
    Map<String, AttributeValue> item = listing(post);
    item.put("src", s(post.sourceKey()));
    item.put("categories", Attributes.strings(post.categories()));
    item.put("draft", AttributeValue.fromBool(post.draft()));
    putIfPresent(item, "publishDate", post.publishDate());
    item.put("aliases", Attributes.strings(post.aliases()));
    putIfPresent(item, "canonicalUrl", post.canonicalUrl());
    putIfPresent(item, "image", post.image());
    putIfPresent(item, "author", post.author());
    item.put("toc", toc(post.toc()));
    item.put("words", n(post.wordCount()));
    item.put("contentHash", s(post.contentHash()));
    if (!post.params().isEmpty()) {
      item.put("params", Attributes.plain(post.params()));
    }
    if (post.page()) {
      item.put("page", AttributeValue.fromBool(true));
    }
    if (post.menu() != null) {
      item.put("menu", n(post.menu().position()));
      item.put("menuLabel", s(post.menu().label()));
    }
    return item;
  }

  static Post post(Map<String, AttributeValue> item, String bodyHtml) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (item.containsKey("params")) {
      ((Map<?, ?>) Attributes.fromPlain(item.get("params")))
          .forEach((k, v) -> params.put(String.valueOf(k), v));
    }
    AttributeValue draft = item.get("draft");
    return new Post(
        string(item, "src"),
        string(item, "slug"),
        string(item, "title"),
        instant(item, "date"),
        instant(item, "updated"),
        tags(item),
        strings(item, "categories"),
        stringOrEmpty(item, "summary"),
        draft != null && Boolean.TRUE.equals(draft.bool()),
        instant(item, "publishDate"),
        instant(item, "expiresAt"),
        strings(item, "aliases"),
        string(item, "canonicalUrl"),
        string(item, "image"),
        string(item, "author"),
        bodyHtml,
        toc(item),
        integer(item, "words"),
        integer(item, "minutes"),
        string(item, "contentHash"),
        params,
        item.containsKey("page") && Boolean.TRUE.equals(item.get("page").bool()),
        item.containsKey("menu")
            ? new MenuPlace(integer(item, "menu"), string(item, "menuLabel"))
            : null);
  }

  /** An entry of the menu partition of the tags index, as {@link #menuKeys} wrote it. */
  static MenuLink menuLink(Map<String, AttributeValue> item) {
    String[] positionAndSlug = string(item, PostTable.GSI2_SK).split("#", 2);
    return new MenuLink(
        positionAndSlug[1], string(item, "tagName"), Integer.parseInt(positionAndSlug[0]));
  }

  /**
   * The keys that put a live post's item in the menu partition of the tags index, with its label in
   * the attribute that index already projects.
   */
  static Map<String, AttributeValue> menuKeys(Post post) {
    MenuPlace menu = post.menu();
    return Map.of(
        PostTable.GSI2_PK,
        s(PostTable.MENU),
        PostTable.GSI2_SK,
        s(String.format("%04d#%s", menu.position(), post.slug())),
        "tagName",
        s(menu.label()));
  }

  static PostSummary summary(Map<String, AttributeValue> item) {
    return new PostSummary(
        string(item, "slug"),
        string(item, "title"),
        instant(item, "date"),
        instant(item, "updated"),
        instant(item, "visibleFrom"),
        instant(item, "expiresAt"),
        stringOrEmpty(item, "summary"),
        tags(item),
        integer(item, "minutes"));
  }

  private static AttributeValue tags(List<Tag> tags) {
    List<AttributeValue> list = new ArrayList<>();
    for (Tag tag : tags) {
      list.add(AttributeValue.fromM(Map.of("name", s(tag.name()), "slug", s(tag.slug()))));
    }
    return AttributeValue.fromL(list);
  }

  private static List<Tag> tags(Map<String, AttributeValue> item) {
    AttributeValue value = item.get("tags");
    if (value == null || !value.hasL()) {
      return List.of();
    }
    return value.l().stream()
        .map(t -> new Tag(t.m().get("name").s(), t.m().get("slug").s()))
        .toList();
  }

  private static AttributeValue toc(List<TocEntry> toc) {
    List<AttributeValue> list = new ArrayList<>();
    for (TocEntry entry : toc) {
      list.add(
          AttributeValue.fromM(
              Map.of("level", n(entry.level()), "id", s(entry.id()), "text", s(entry.text()))));
    }
    return AttributeValue.fromL(list);
  }

  private static List<TocEntry> toc(Map<String, AttributeValue> item) {
    AttributeValue value = item.get("toc");
    if (value == null || !value.hasL()) {
      return List.of();
    }
    return value.l().stream()
        .map(
            e ->
                new TocEntry(
                    Integer.parseInt(e.m().get("level").n()),
                    e.m().get("id").s(),
                    e.m().get("text").s()))
        .toList();
  }
}
