package inkwell.pipeline;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Makes sanitized post HTML valid and accessible whatever the author wrote, on the cleaned tree:
 *
 * <ul>
 *   <li>an {@code <img>} without {@code src} shows nothing: it becomes its alt text, or goes;
 *   <li>an {@code <img>} without {@code alt} gets {@code alt=""} (the pipeline warns the author);
 *   <li>a {@code <details>} gets a {@code <summary>} as its first child ("Details" if it had none);
 *   <li>a checkbox (a task-list item's, or the author's) is labelled with its list item's text, and
 *       any other {@code <input>} goes (the sanitizer disables every input; forms are removed);
 *   <li>{@code <pre>} and {@code <table>}, which scroll sideways on a phone, take keyboard focus.
 * </ul>
 */
final class HtmlRepairs {

  private HtmlRepairs() {}

  static void apply(Element body) {
    for (Element img : body.select("img")) {
      if (img.attr("src").isBlank()) {
        String alt = img.attr("alt");
        if (alt.isBlank()) {
          img.remove();
        } else {
          img.replaceWith(new TextNode(alt));
        }
      } else if (!img.hasAttr("alt")) {
        img.attr("alt", "");
      }
    }
    for (Element details : body.select("details")) {
      Element summary = details.selectFirst("> summary");
      if (summary == null) {
        details.prependElement("summary").text("Details");
      } else if (details.childNode(0) != summary) {
        details.prependChild(summary);
      }
    }
    for (Element input : body.select("input")) {
      if (!input.attr("type").equalsIgnoreCase("checkbox")) {
        input.remove();
      } else if (input.attr("aria-label").isBlank()) {
        // Before the enforced "disabled", where a second clean would put it: the output is then
        // the same as a clean of it, and one pass is enough (HtmlSanitizer#cleanRendered).
        String disabled = input.attr("disabled");
        input.removeAttr("disabled").attr("aria-label", label(input)).attr("disabled", disabled);
      }
    }
    body.select("pre, table").attr("tabindex", "0");
  }

  /** The text of the list item a checkbox starts, without its nested lists; "Task" if none. */
  private static String label(Element input) {
    Element item = input.parent();
    if (item == null) {
      return "Task";
    }
    Element copy = item.clone();
    copy.select("ul, ol").remove();
    String text = copy.text().strip();
    return text.isEmpty() ? "Task" : text;
  }
}
