package inkwell.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated blog: {@code count} posts of about 1,500 words each, with YAML front matter (title,
 * date, three tags, summary), headings, paragraphs with emphasis, inline code and links, fenced
 * code blocks, a table, bulleted and numbered lists and a quote. Deterministic: the same count
 * gives the same bytes on every machine, so runs compare.
 */
final class Corpus {

  static final int TAGS_PER_POST = 3;

  private static final String[] WORDS =
      ("the a of to and in is it that for on with as was at by this be from are or an have not"
              + " which one all were we when there can more if out so up said what about into than"
              + " them only some could time these two may then first any new like our over such"
              + " lambda function bucket table index query cache request latency serverless java"
              + " render markdown template page feed post reader author deploy build memory cold"
              + " start warm client server event stream record item key value schema region cost"
              + " budget throughput queue retry timeout metric trace log alarm policy role token")
          .split(" ");

  private static final String[] TAG_POOL = {
    "java",
    "aws",
    "lambda",
    "dynamodb",
    "s3",
    "serverless",
    "markdown",
    "performance",
    "testing",
    "design",
    "cost",
    "caching",
    "http",
    "security",
    "tooling",
    "ops",
    "writing",
    "jvm",
    "api",
    "web"
  };

  private static final String[] LANGUAGES = {"java", "python", "sh", "yaml", "javascript", "go"};

  private Corpus() {}

  /** One post's source: its file name (under {@code posts/}) and Markdown. */
  record Post(String fileName, String markdown) {}

  static List<Post> generate(int count) {
    List<Post> posts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      posts.add(post(i));
    }
    return posts;
  }

  /** Writes the posts into {@code folder} (created), replacing what was there. */
  static void write(List<Post> posts, Path folder) {
    try {
      if (Files.isDirectory(folder)) {
        try (var old = Files.list(folder)) {
          for (Path file : (Iterable<Path>) old::iterator) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(folder);
      for (Post post : posts) {
        Files.writeString(folder.resolve(post.fileName()), post.markdown(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Post post(int index) {
    Random random = new Random(0x1A2B3C4DL + index * 7919L);
    String title = capitalize(words(random, 4 + random.nextInt(4)));
    String slug = String.format(Locale.ROOT, "%04d-%s", index, title.toLowerCase(Locale.ROOT));
    slug = slug.replaceAll("[^a-z0-9]+", "-");
    LocalDate date = LocalDate.of(2020, 1, 1).plusDays(index);
    List<String> tags = new ArrayList<>();
    while (tags.size() < TAGS_PER_POST) {
      String tag = TAG_POOL[random.nextInt(TAG_POOL.length)];
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    StringBuilder md = new StringBuilder(12_000);
    md.append("---\n")
        .append("title: \"")
        .append(title)
        .append("\"\n")
        .append("date: ")
        .append(date)
        .append("T08:00:00Z\n")
        .append("tags: [")
        .append(String.join(", ", tags))
        .append("]\n")
        .append("summary: \"")
        .append(capitalize(words(random, 20)))
        .append(".\"\n")
        .append("---\n\n");
    paragraph(md, random, 60);
    for (int section = 0; section < 5; section++) {
      md.append("## ").append(capitalize(words(random, 3 + random.nextInt(3)))).append("\n\n");
      paragraph(md, random, 70);
      paragraph(md, random, 60);
      switch (section) {
        case 0 -> code(md, random);
        case 1 -> table(md, random);
        case 2 -> list(md, random, false);
        case 3 -> {
          list(md, random, true);
          code(md, random);
        }
        default -> md.append("> ").append(capitalize(words(random, 25))).append(".\n\n");
      }
      md.append("### ").append(capitalize(words(random, 3))).append("\n\n");
      paragraph(md, random, 80);
    }
    return new Post(slug + ".md", md.toString());
  }

  private static void paragraph(StringBuilder md, Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      int style = random.nextInt(40);
      if (i > 0) {
        text.append(' ');
      }
      switch (style) {
        case 0 -> text.append("**").append(word).append("**");
        case 1 -> text.append('*').append(word).append('*');
        case 2 -> text.append('`').append(word).append("()`");
        case 3 ->
            text.append('[')
                .append(word)
                .append("](https://example.com/")
                .append(word)
                .append('/')
                .append(random.nextInt(1000))
                .append(')');
        default -> text.append(word);
      }
      if (i % 14 == 13) {
        text.append('.');
      }
    }
    md.append(capitalize(text.toString())).append(".\n\n");
  }

  private static void code(StringBuilder md, Random random) {
    String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
    md.append("```").append(language).append('\n');
    int lines = 8 + random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      String a = WORDS[random.nextInt(WORDS.length)];
      String b = WORDS[random.nextInt(WORDS.length)];
      md.append("    ".repeat(i % 3))
          .append(a)
          .append(" = ")
          .append(b)
          .append("(\"")
          .append(a)
          .append("\", ")
          .append(random.nextInt(100))
          .append(") <> ")
          .append(i)
          .append(";\n");
    }
    md.append("```\n\n");
  }

  private static void table(StringBuilder md, Random random) {
    md.append("| Name | Requests | Latency (ms) | Note |\n|---|---:|---:|---|\n");
    for (int row = 0; row < 6; row++) {
      md.append("| ")
          .append(WORDS[random.nextInt(WORDS.length)])
          .append(" | ")
          .append(random.nextInt(10_000))
          .append(" | ")
          .append(random.nextInt(500))
          .append('.')
          .append(random.nextInt(10))
          .append(" | ")
          .append(words(random, 3))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void list(StringBuilder md, Random random, boolean numbered) {
    for (int item = 0; item < 6; item++) {
      md.append(numbered ? (item + 1) + ". " : "- ")
          .append(capitalize(words(random, 6 + random.nextInt(6))))
          .append(item % 3 == 0 ? ", see [the docs](https://docs.example.com/" + item + ")" : "")
          .append('\n');
    }
    md.append('\n');
  }

  private static String words(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
