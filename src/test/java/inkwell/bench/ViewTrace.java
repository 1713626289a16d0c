package inkwell.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A year of page views with publishes interleaved, generated the same way on every run (a fixed
 * seed). Views arrive evenly spread with random jitter; each is a post page, the home page, a tag
 * page or the RSS feed in the proportions of {@link CostModel#PAGE_MIX}. Posts are ranked by
 * recency and chosen by a Zipf law over the newest {@code posts} (rank 1, the newest post, is the
 * most read); a publish adds a new newest post with three tags, so popularity moves on as it does
 * on a blog. Tags are chosen by a Zipf law too, for views and for new posts. Each view comes from
 * one of {@code regions} regional caches, chosen uniformly.
 */
final class ViewTrace {

  /** The page types, in the order of {@link #TYPES}' indices. */
  static final List<String> TYPES = List.of("post", "home", "tag", "feed");

  static final int TAGS_PER_POST = 3;

  record Settings(
      long views,
      int posts,
      int tags,
      double zipfExponent,
      int days,
      double publishesPerDay,
      int regions,
      long seed) {

    long durationMillis() {
      return days * 86_400_000L;
    }

    long publishes() {
      return Math.round(days * publishesPerDay);
    }
  }

  /** What the trace tells its reader, in time order. */
  interface Visitor {
    void view(long atMillis, int type, String key, int region);

    /** A new newest post {@code postId} with {@code tags}; {@code previous} was the newest. */
    void publish(long atMillis, int postId, int previous, int[] tags);
  }

  private final Settings settings;
  private final double[] postCdf;
  private final double[] tagCdf;
  private final double[] mixCdf;
  private final String[] postKeys;
  private final String[] tagKeys;

  ViewTrace(Settings settings) {
    this.settings = settings;
    this.postCdf = zipfCdf(settings.posts(), settings.zipfExponent());
    this.tagCdf = zipfCdf(settings.tags(), settings.zipfExponent());
    Map<String, Double> mix = CostModel.PAGE_MIX;
    this.mixCdf = new double[TYPES.size()];
    double sum = 0;
    for (int i = 0; i < TYPES.size(); i++) {
      sum += mix.get(TYPES.get(i));
      mixCdf[i] = sum;
    }
    int allPosts = settings.posts() + (int) settings.publishes();
    this.postKeys = new String[allPosts];
    for (int id = 0; id < allPosts; id++) {
      postKeys[id] = postKey(id);
    }
    this.tagKeys = new String[settings.tags()];
    for (int t = 0; t < settings.tags(); t++) {
      tagKeys[t] = tagKey(t);
    }
  }

  static String postKey(int id) {
    return "/post-" + id + "/";
  }

  static String tagKey(int tag) {
    return "/tags/tag-" + tag + "/";
  }

  /** The tags of post {@code id}: {@link #TAGS_PER_POST} distinct, Zipf-distributed. */
  int[] tagsOf(int id) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 31 + id);
    int[] tags = new int[TAGS_PER_POST];
    for (int i = 0; i < TAGS_PER_POST; i++) {
      int tag;
      do {
        tag = sample(tagCdf, random.nextDouble());
      } while (contains(tags, i, tag));
      tags[i] = tag;
    }
    return tags;
  }

  void replay(Visitor visitor) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    long views = settings.views();
    long publishes = settings.publishes();
    double gap = (double) settings.durationMillis() / views;
    double publishGap =
        publishes == 0 ? Double.MAX_VALUE : (double) settings.durationMillis() / publishes;
    int newest = settings.posts() - 1;
    long published = 0;
    for (long i = 0; i < views; i++) {
      long at = (long) ((i + random.nextDouble()) * gap);
      while (published < publishes && (published + 0.5) * publishGap <= at) {
        int previous = newest++;
        visitor.publish((long) ((published + 0.5) * publishGap), newest, previous, tagsOf(newest));
        published++;
      }
      int type = sample(mixCdf, random.nextDouble() * mixCdf[mixCdf.length - 1]);
      int region = random.nextInt(settings.regions());
      String key =
          switch (type) {
            case 0 -> postKeys[newest - sample(postCdf, random.nextDouble())];
            case 1 -> "/";
            case 2 -> tagKeys[sample(tagCdf, random.nextDouble())];
            default -> "/feed.xml";
          };
      visitor.view(at, type, key, region);
    }
  }

  /** Cumulative probabilities of ranks 1..n under Zipf's law with exponent {@code s}. */
  static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int rank = 1; rank <= n; rank++) {
      sum += 1 / Math.pow(rank, s);
      cdf[rank - 1] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  /** The 0-based index whose cumulative probability first reaches {@code u}. */
  static int sample(double[] cdf, double u) {
    int found = Arrays.binarySearch(cdf, u);
    int index = found >= 0 ? found : -found - 1;
    return Math.min(index, cdf.length - 1);
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
