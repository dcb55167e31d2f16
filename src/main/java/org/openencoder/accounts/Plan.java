package org.openencoder.accounts;

/** A member's plan. A guest (no account) has no plan; its quota is the guest quota. */
public enum Plan {
  /** A registered, verified member: the guest views plus the free plan's views per period. */
  FREE,
  /** A paid plan: code pages without a quota. */
  SUBSCRIBER
}
