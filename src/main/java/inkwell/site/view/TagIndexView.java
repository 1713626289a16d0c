package inkwell.site.view;

import inkwell.site.SiteInfo;
import inkwell.storage.TagCount;
import java.util.List;

/** The tag index: every tag with its number of visible posts. */
public record TagIndexView(SiteInfo site, List<TagCount> tags) {

  public TagIndexView {
    tags = List.copyOf(tags);
  }
}
