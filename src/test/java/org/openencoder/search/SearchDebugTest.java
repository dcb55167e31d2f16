package org.openencoder.search;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.RunningApplication;
import org.springframework.beans.factory.annotation.Autowired;

class SearchDebugTest extends RunningApplication {
  @Autowired CodeSearch search;

  @Test
  void show() {
    for (String q : List.of(System.getProperty("queries", "broken wrist").split(";"))) {
      System.out.println("QUERY " + q);
      for (SearchHit h : search.search(q, SearchFilter.ANY, 8).results()) {
        System.out.println(
            "  "
                + h.code()
                + " "
                + h.score()
                + " "
                + h.billable()
                + " "
                + h.title()
                + " | "
                + h.matchedOn());
      }
    }
  }
}
