package org.openencoder.accounts;

/** What a member may do beyond reading code pages. Every account is a member. */
public enum Role {
  /** Posts on the job board. */
  EMPLOYER,
  /** Answers and reviews email consultations and editorial text. */
  REVIEWER,
  /** Manages users and plans; code pages without a quota. */
  ADMINISTRATOR
}
