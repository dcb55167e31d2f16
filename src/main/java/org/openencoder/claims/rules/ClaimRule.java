package org.openencoder.claims.rules;

import java.util.List;
import org.openencoder.claims.Claim;
import org.openencoder.claims.Finding;

/** One family of edits: reads the tables in force on the claim's dates, adds what it finds. */
public interface ClaimRule {

  /** The family's name, the first part of each of its findings' rule ("ncci-mue"). */
  String family();

  void check(Claim claim, ClaimReleases on, List<Finding> findings);
}
