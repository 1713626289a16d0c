package inkwell.pipeline;

import org.fife.ui.rsyntaxtextarea.TokenTypes;

/**
 * The fixed set of token classes highlighted code is marked up with ({@code <span
 * class="tok-keyword">}); the stylesheet colours each in the light, dark and print schemes. The
 * sanitizer lets exactly these classes through on {@code span}.
 */
enum TokenClass {
  KEYWORD,
  TYPE,
  FUNCTION,
  STRING,
  NUMBER,
  COMMENT,
  OPERATOR,
  PUNCTUATION,
  VARIABLE,
  META,
  TAG,
  ATTRIBUTE,
  REGEX,
  PROMPT,
  INSERTED,
  DELETED;

  /** The CSS class: {@code tok-} and the name in lower case. */
  final String css = "tok-" + name().toLowerCase(java.util.Locale.ROOT);

  /**
   * The class for one of RSyntaxTextArea's token types, or {@code null} for text that stays plain
   * (identifiers, whitespace, and the internal states its token makers give line ends).
   */
  static TokenClass of(int tokenType) {
    return switch (tokenType) {
      case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2 -> KEYWORD;
      case TokenTypes.DATA_TYPE -> TYPE;
      case TokenTypes.FUNCTION -> FUNCTION;
      case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE,
          TokenTypes.LITERAL_CHAR,
          TokenTypes.LITERAL_BACKQUOTE,
          TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE,
          TokenTypes.MARKUP_CDATA,
          TokenTypes.ERROR_STRING_DOUBLE,
          TokenTypes.ERROR_CHAR ->
          STRING;
      case TokenTypes.LITERAL_BOOLEAN,
          TokenTypes.LITERAL_NUMBER_DECIMAL_INT,
          TokenTypes.LITERAL_NUMBER_FLOAT,
          TokenTypes.LITERAL_NUMBER_HEXADECIMAL,
          TokenTypes.ERROR_NUMBER_FORMAT ->
          NUMBER;
      case TokenTypes.COMMENT_EOL,
          TokenTypes.COMMENT_MULTILINE,
          TokenTypes.COMMENT_DOCUMENTATION,
          TokenTypes.COMMENT_KEYWORD,
          TokenTypes.COMMENT_MARKUP,
          TokenTypes.MARKUP_COMMENT ->
          COMMENT;
      case TokenTypes.OPERATOR -> OPERATOR;
      case TokenTypes.SEPARATOR,
          TokenTypes.MARKUP_TAG_DELIMITER,
          TokenTypes.MARKUP_CDATA_DELIMITER ->
          PUNCTUATION;
      case TokenTypes.VARIABLE -> VARIABLE;
      case TokenTypes.ANNOTATION,
          TokenTypes.PREPROCESSOR,
          TokenTypes.MARKUP_DTD,
          TokenTypes.MARKUP_PROCESSING_INSTRUCTION,
          TokenTypes.MARKUP_ENTITY_REFERENCE ->
          META;
      case TokenTypes.MARKUP_TAG_NAME -> TAG;
      case TokenTypes.MARKUP_TAG_ATTRIBUTE -> ATTRIBUTE;
      case TokenTypes.REGEX -> REGEX;
      default -> null;
    };
  }

  /**
   * True for {@code tok-keyword} and the other classes here, and the line classes of {@link
   * HighlightedHtml}; false for anything else.
   */
  static boolean isCodeClass(String css) {
    if (css.equals(HighlightedHtml.LINE) || css.equals(HighlightedHtml.MARKED_LINE)) {
      return true;
    }
    for (TokenClass c : values()) {
      if (c.css.equals(css)) {
        return true;
      }
    }
    return false;
  }
}
