package inkwell.pipeline;

import java.util.ArrayList;
import java.util.List;
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
    // One walk finds them all (a select per kind walked the tree four times).
    List<Element> images = new ArrayList<>();
    List<Element> details = new ArrayList<>();
    List<Element> inputs = new ArrayList<>();
    for (Element element : body.getAllElements()) {
      switch (element.normalName()) {
        case "img" -> images.add(element);
        case "details" -> details.add(element);
        case "input" -> inputs.add(element);
        case "pre", "table" -> element.attr("tabindex", "0");
        default -> {}
      }
    }
    for (Element img : images) {
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
    for (Element element : details) {
      Element summary = element.selectFirst("> summary");
      if (summary == null) {
        element.prependElement("summary").text("Details");
      } else if (element.childNode(0) != summary) {
        element.prependChild(summary);
      }
    }
    for (Element input : inputs) {
      if (!input.attr("type").equalsIgnoreCase("checkbox")) {
        input.remove();
      } else if (input.attr("aria-label").isBlank()) {
        // Before the enforced "disabled", where a second clean would put it: the output is then
        // the same as a clean of it, and one pass is enough (HtmlSanitizer#cleanRendered).
        String disabled = input.attr("disabled");
        input.removeAttr("disabled").attr("aria-label", label(input)).attr("disabled", disabled);
      }
    }
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
