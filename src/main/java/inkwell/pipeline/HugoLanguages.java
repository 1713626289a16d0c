package inkwell.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multilingual Hugo site's languages, as Hugo places their pages: a file's language from its name
 * ({@code post.fr.md}, {@code index.fr.md}) or from the language's own content folder ({@code
 * content/fr/}, a language's {@code contentDir}); the default language's pages at the root ({@code
 * /posts/x/}, or under {@code /en/} with {@code defaultContentLanguageInSubdir}), every other
 * language's under {@code /fr/}. Immutable.
 *
 * <pre>{@code
 * HugoLanguages languages = HugoLanguages.parse("languages:en,fr");
 * languages.of("posts/hello.fr.md");  // fr, posts/hello.md, address prefix /fr
 * }</pre>
 *
 * @param languages the configured languages, the default first
 * @param folders content folders of their own, by folder name ({@code fr} for {@code content/fr})
 * @param defaultInSubdir Hugo's {@code defaultContentLanguageInSubdir}
 */
public record HugoLanguages(
    List<String> languages, Map<String, String> folders, boolean defaultInSubdir) {

  /** A site with one language: every file is read as it is. */
  public static final HugoLanguages NONE = new HugoLanguages(List.of(), Map.of(), false);

  /**
   * A file's language, its path without the language (no suffix, no language folder), and the
   * prefix of its address ({@code /fr}, or "" for the default language at the root).
   */
  public record Placed(String language, String path, String prefix) {}

  public HugoLanguages {
    languages = List.copyOf(languages);
    folders = Map.copyOf(folders);
  }

  /** The language of {@code path} (below the content folder), if the site has several. */
  public Optional<Placed> of(String path) {
    if (languages.size() < 2 && folders.isEmpty()) {
      return Optional.empty();
    }
    String language = null;
    String rest = path;
    int slash = path.indexOf('/');
    if (slash > 0 && folders.containsKey(path.substring(0, slash))) {
      language = folders.get(path.substring(0, slash));
      rest = path.substring(slash + 1);
    }
    String file = rest.substring(rest.lastIndexOf('/') + 1);
    int extension = file.lastIndexOf('.');
    int suffix = extension > 0 ? file.lastIndexOf('.', extension - 1) : -1;
    if (suffix > 0 && languages.contains(file.substring(suffix + 1, extension))) {
      language = file.substring(suffix + 1, extension);
      String folder = rest.substring(0, rest.length() - file.length());
      rest = folder + file.substring(0, suffix) + file.substring(extension);
    }
    if (language == null) {
      language = languages.get(0);
    }
    boolean atRoot = language.equals(languages.get(0)) && !defaultInSubdir;
    return Optional.of(new Placed(language, rest, atRoot ? "" : "/" + language));
  }

  /** The words of {@link Permalinks#spec()} that carry these languages; "" for none. */
  String spec() {
    if (languages.isEmpty()) {
      return "";
    }
    StringBuilder spec = new StringBuilder(" languages:").append(String.join(",", languages));
    if (!folders.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      new java.util.TreeMap<>(folders).forEach((folder, lang) -> pairs.add(folder + "=" + lang));
      spec.append(" language-folders:").append(String.join(",", pairs));
    }
    if (defaultInSubdir) {
      spec.append(" default-language-in-subdir");
    }
    return spec.toString();
  }

  /** Reads one word of a spec into {@code into}; false if the word is not about languages. */
  static boolean read(String word, Builder into) {
    if (word.startsWith("languages:")) {
      into.languages.addAll(List.of(word.substring("languages:".length()).split(",")));
    } else if (word.startsWith("language-folders:")) {
      for (String pair : word.substring("language-folders:".length()).split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          into.folders.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    } else if (word.equals("default-language-in-subdir")) {
      into.defaultInSubdir = true;
    } else {
      return false;
    }
    return true;
  }

  /** Collects the language words of a spec. Not thread-safe. */
  static final class Builder {
    private final List<String> languages = new ArrayList<>();
    private final Map<String, String> folders = new LinkedHashMap<>();
    private boolean defaultInSubdir;

    HugoLanguages build() {
      return new HugoLanguages(languages, folders, defaultInSubdir);
    }
  }
}
