package inkwell.post;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Folds text to lower-case ASCII for URLs: accents are stripped (é to e), Latin ligatures and
 * special letters are spelled out (ß to ss, æ to ae), Greek and Cyrillic are romanized. Characters
 * of other scripts have no ASCII form here and become a separator; {@link Slugs} then falls back to
 * a hash so that no slug is ever empty.
 */
final class Ascii {

  private static final Map<Integer, String> LETTERS = new HashMap<>();

  static {
    put("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "đ", "d", "ð", "d", "þ", "th", "ł", "l");
    put("ı", "i", "ŋ", "ng", "ħ", "h", "ŧ", "t", "ĸ", "k", "ſ", "s");
    // Greek (ELOT 743, simplified)
    put("α", "a", "β", "v", "γ", "g", "δ", "d", "ε", "e", "ζ", "z", "η", "i", "θ", "th", "ι", "i");
    put("κ", "k", "λ", "l", "μ", "m", "ν", "n", "ξ", "x", "ο", "o", "π", "p", "ρ", "r", "σ", "s");
    put("ς", "s", "τ", "t", "υ", "y", "φ", "f", "χ", "ch", "ψ", "ps", "ω", "o");
    // Cyrillic (Russian, Ukrainian, Belarusian, Serbian basics)
    put("а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ж", "zh", "з", "z", "и", "i");
    put("к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t");
    put("у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "");
    put("ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya", "і", "i", "є", "ye", "ґ", "g", "ў", "u");
    put("ђ", "dj", "ј", "j", "љ", "lj", "њ", "nj", "ћ", "c", "џ", "dz");
  }

  private Ascii() {}

  private static void put(String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      LETTERS.put(pairs[i].codePointAt(0), pairs[i + 1]);
    }
  }

  /** Lower-case ASCII for {@code text}; characters without an ASCII form become a space. */
  static String fold(String text) {
    String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .forEach(
            cp -> {
              if (cp < 0x80) {
                out.append((char) cp);
              } else if (isMark(cp)) {
                // a combining accent left over from decomposition: drop it
              } else {
                String spelled = LETTERS.get(cp);
                out.append(spelled != null ? spelled : " ");
              }
            });
    return out.toString();
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
