package inkwell.site.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XmlTest {

  @Test
  void textThatNeedsNoCleaningIsReturnedAsIs() {
    String text = "a < b & \"c\"\n\t😀";
    assertThat(Xml.clean(text, false)).isSameAs(text);
  }

  @Test
  void lineBreaksInTextBecomeLineFeedsAsAParserWouldReadThem() {
    assertThat(Xml.clean("a\r\nb\rc\nd", false)).isEqualTo("a\nb\nc\nd");
  }

  @Test
  void tabsAndLineBreaksInAttributesBecomeSpacesAsAParserWouldReadThem() {
    assertThat(Xml.clean("a\r\nb\tc\nd", true)).isEqualTo("a b c d");
  }

  @Test
  void surrogatePairsAreKeptAndUnpairedSurrogatesReplaced() {
    assertThat(Xml.clean("😀\uDC00x\uD83D", false)).isEqualTo("😀\uFFFDx\uFFFD");
  }

  @Test
  void writtenTextAndAttributesParseBackToTheCleanedValues() {
    String value = "x\r\ny\tz ]]> <&> \u0001";
    String xml = Xml.document(doc -> doc.start("r").attribute("a", value).text(value).end());
    Element root = ParsedXml.parse(xml);
    assertThat(root.getTextContent()).isEqualTo(Xml.clean(value, false));
    assertThat(root.getAttribute("a")).isEqualTo(Xml.clean(value, true));
  }
}
