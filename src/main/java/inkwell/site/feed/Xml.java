package inkwell.site.feed;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One XML document written with the JDK's StAX writer, which escapes {@code <}, {@code &}, {@code
 * >} and quotes. This class adds what StAX leaves to the caller, so that a parser reads back
 * exactly what was written and the document is always well-formed: characters XML 1.0 does not
 * allow (control characters, unpaired surrogates, U+FFFE, U+FFFF) become U+FFFD, line breaks in
 * text become {@code \n}, and tabs and line breaks in attribute values become spaces (as a parser
 * would read them anyway). Not thread-safe: one instance per document, inside {@link #document}.
 */
final class Xml {

  /** Writes the content of a document. */
  interface Body {
    void write(Xml xml) throws XMLStreamException;
  }

  private static final char REPLACEMENT = '\uFFFD';

  private final XMLStreamWriter writer;

  private Xml(XMLStreamWriter writer) {
    this.writer = writer;
  }

  /** An XML 1.0 document with a UTF-8 declaration and the elements {@code body} writes. */
  static String document(Body body) {
    StringWriter out = new StringWriter();
    try {
      // The JDK's own implementation, created per document: its factory is not documented as
      // thread-safe, and the escaping rules above are checked against this implementation.
      XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      writer.writeStartDocument("UTF-8", "1.0");
      body.write(new Xml(writer));
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
    return out.toString();
  }

  /** Opens an element without prefix (in the default namespace, if one is declared). */
  Xml start(String name) throws XMLStreamException {
    writer.writeStartElement(name);
    return this;
  }

  /** Opens a prefixed element; the prefix must be declared on the root element. */
  Xml start(String prefix, String name, String namespace) throws XMLStreamException {
    writer.writeStartElement(prefix, name, namespace);
    return this;
  }

  /** Declares a namespace on the element just opened; prefix {@code ""} for the default one. */
  Xml namespace(String prefix, String uri) throws XMLStreamException {
    if (prefix.isEmpty()) {
      writer.writeDefaultNamespace(uri);
    } else {
      writer.writeNamespace(prefix, uri);
    }
    return this;
  }

  /**
   * Writes an element without content ({@code <link href="..."/>}): add its attributes next, and do
   * not call {@link #end()} for it.
   */
  Xml empty(String name) throws XMLStreamException {
    writer.writeEmptyElement(name);
    return this;
  }

  /** A prefixed {@link #empty(String) empty element}. */
  Xml empty(String prefix, String name, String namespace) throws XMLStreamException {
    writer.writeEmptyElement(prefix, name, namespace);
    return this;
  }

  Xml attribute(String name, String value) throws XMLStreamException {
    writer.writeAttribute(name, clean(value, true));
    return this;
  }

  Xml attribute(String prefix, String namespace, String name, String value)
      throws XMLStreamException {
    writer.writeAttribute(prefix, namespace, name, clean(value, true));
    return this;
  }

  Xml text(String text) throws XMLStreamException {
    writer.writeCharacters(clean(text, false));
    return this;
  }

  Xml end() throws XMLStreamException {
    writer.writeEndElement();
    return this;
  }

  /** An element holding only {@code text}. */
  Xml element(String name, String text) throws XMLStreamException {
    return start(name).text(text).end();
  }

  /** A prefixed element holding only {@code text}. */
  Xml element(String prefix, String name, String namespace, String text) throws XMLStreamException {
    return start(prefix, name, namespace).text(text).end();
  }

  /** {@code value} as XML 1.0 can carry it; see the class comment. */
  static String clean(String value, boolean attribute) {
    if (isClean(value, attribute)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\r') {
        if (i < value.length() && value.charAt(i) == '\n') {
          continue; // the \n that follows stands for the pair
        }
        c = '\n';
      }
      if (attribute && (c == '\n' || c == '\t')) {
        out.append(' ');
      } else if (isXmlChar(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(REPLACEMENT);
      }
    }
    return out.toString();
  }

  private static boolean isClean(String value, boolean attribute) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\r' || !isXmlChar(c) || (attribute && (c == '\n' || c == '\t'))) {
        return false;
      }
    }
    return true;
  }

  /** The {@code Char} production of XML 1.0; an unpaired surrogate is not a character. */
  private static boolean isXmlChar(int c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
