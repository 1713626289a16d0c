package inkwell.aws;

/**
 * The layout of the posts table: one table, generic key names, two sparse indexes. The SAM template
 * declares the same names (a test keeps them in step); see docs/ARCHITECTURE.md, "The table".
 *
 * <pre>
 * item            pk                 sk            gsi1pk / gsi1sk (listing)        gsi2pk / gsi2sk (tags)
 * post            POST#{slug}        POST          LIST / {visibleFrom}#{slug}      -
 *   in the menu                                                                     MENU / {position}#{slug}
 * tag membership  POST#{slug}        TAG#{tag}     TAG#{tag} / {visibleFrom}#{slug} TAGS / {tag}#{slug}
 * alias           ALIAS#{path}       ALIAS         -                                -
 * source record   SRC#{key}          SRC           -                                -
 * tag ledger      TAGLEDGER#{tag}    {shard 0-7}   -                                -
 * tag count       TAGCOUNTS          {tag}         -                                -
 * counts complete TAGCOUNTS          !ready        -                                -
 * </pre>
 *
 * Only live, non-draft posts and their tag memberships carry index keys, so drafts, tombstones and
 * moved posts never appear in a listing. A post with a {@code menu} field is also in the tags
 * index's {@code MENU} partition, its label in {@code tagName} (the one text attribute that index
 * projects besides the dates): the header's menu is one Query of that small partition, and it is
 * written and removed with the post item itself, so it can never disagree with the posts.
 */
final class PostTable {

  static final String PK = "pk";
  static final String SK = "sk";
  static final String GSI1_PK = "gsi1pk";
  static final String GSI1_SK = "gsi1sk";
  static final String GSI2_PK = "gsi2pk";
  static final String GSI2_SK = "gsi2sk";
  static final String LISTING_INDEX = "listing";
  static final String TAGS_INDEX = "tags";

  static final String POST_PREFIX = "POST#";
  static final String POST_SK = "POST";
  static final String TAG_PREFIX = "TAG#";
  static final String ALIAS_PREFIX = "ALIAS#";
  static final String ALIAS_SK = "ALIAS";
  static final String SOURCE_PREFIX = "SRC#";
  static final String SOURCE_SK = "SRC";
  static final String LIST_ALL = "LIST";
  static final String LIST_PAGES = "PAGES";
  static final String TAGS_ALL = "TAGS";
  static final String MENU = "MENU";
  static final String TAG_LEDGER_PREFIX = "TAGLEDGER#";
  static final String TAG_COUNTS = "TAGCOUNTS";

  /** Attributes every listing shows; the listing index projects exactly these. */
  static final String[] LISTING_ATTRIBUTES = {
    "slug", "title", "date", "updated", "visibleFrom", "expiresAt", "summary", "tags", "minutes"
  };

  private PostTable() {}

  static String postPk(String slug) {
    return POST_PREFIX + slug;
  }

  static String aliasPk(String path) {
    return ALIAS_PREFIX + path;
  }

  static String sourcePk(String sourceKey) {
    return SOURCE_PREFIX + sourceKey;
  }

  static String listingSk(String visibleFrom, String slug) {
    return visibleFrom + "#" + slug;
  }
}
