package org.openencoder.search.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openencoder.search.SearchHit;

/**
 * A title cut into stretches, each marked or not, so that a template prints every stretch as
 * escaped text (in a {@code <mark>} when marked) and never puts the title's characters into markup.
 *
 * @param parts in title order; joined, they are the title
 */
record MarkedTitle(List<Part> parts) {

  MarkedTitle {
    parts = List.copyOf(parts);
  }

  /** One stretch of the title. */
  record Part(String text, boolean marked) {}

  /**
   * The title with the given character spans marked. Spans out of order, overlapping, touching or
   * reaching past the title are tolerated: they are sorted, clipped to the title and merged.
   */
  static MarkedTitle of(String title, List<SearchHit.Span> spans) {
    List<Part> parts = new ArrayList<>();
    int at = 0;
    for (SearchHit.Span span :
        spans.stream().sorted(Comparator.comparingInt(SearchHit.Span::start)).toList()) {
      int start = Math.max(Math.min(span.start(), title.length()), at);
      int end = Math.min(span.end(), title.length());
      if (end <= start) {
        continue;
      }
      if (start > at) {
        parts.add(new Part(title.substring(at, start), false));
      }
      int last = parts.size() - 1;
      if (start == at && last >= 0 && parts.get(last).marked()) {
        parts.set(last, new Part(parts.get(last).text() + title.substring(start, end), true));
      } else {
        parts.add(new Part(title.substring(start, end), true));
      }
      at = end;
    }
    if (at < title.length()) {
      parts.add(new Part(title.substring(at), false));
    }
    return new MarkedTitle(parts);
  }
}
