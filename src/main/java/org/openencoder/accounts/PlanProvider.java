package org.openencoder.accounts;

/**
 * Where a member's plan comes from. For now an administrator grants plans ({@link
 * AdministratorGrants}); a payment provider's adapter implements this same interface, calling
 * {@link #change} from its webhook once a payment clears or a subscription ends.
 */
public interface PlanProvider {

  /** The name shown beside the plan ("administrator", a payment provider's name). */
  String name();

  /** Puts the account on a plan; {@code by} says who or what decided (audit log). */
  void change(long accountId, Plan plan, String by);
}
