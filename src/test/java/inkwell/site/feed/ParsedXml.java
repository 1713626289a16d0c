package inkwell.site.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Parses the XML the feeds write, as its UTF-8 bytes, and walks it by namespace and name. */
final class ParsedXml {

  private ParsedXml() {}

  /** The root element; fails the test on any well-formedness error or warning. */
  static Element parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXParseException {
              throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
              throw e;
            }
          });
      byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
      return builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  /** The child elements named {@code name} in namespace {@code ns} (null: no namespace). */
  static List<Element> children(Element parent, String ns, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element
          && name.equals(element.getLocalName())
          && Objects.equals(ns, element.getNamespaceURI())) {
        found.add(element);
      }
    }
    return found;
  }

  /** The one child element named {@code name}; fails if there is none or more than one. */
  static Element child(Element parent, String ns, String name) {
    List<Element> found = children(parent, ns, name);
    assertThat(found).as("<%s> children of <%s>", name, parent.getTagName()).hasSize(1);
    return found.get(0);
  }

  /** The text of the one child element named {@code name}. */
  static String text(Element parent, String ns, String name) {
    return child(parent, ns, name).getTextContent();
  }

  static List<String> texts(List<Element> elements) {
    return elements.stream().map(Element::getTextContent).toList();
  }
}
