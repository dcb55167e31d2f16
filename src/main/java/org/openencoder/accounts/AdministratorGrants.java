package org.openencoder.accounts;

import org.openencoder.accounts.persistence.JdbcAccounts;
import org.springframework.stereotype.Service;

/** Plans granted by an administrator from the admin pages: the only plan provider so far. */
@Service
public class AdministratorGrants implements PlanProvider {

  private final JdbcAccounts accounts;
  private final SecurityEvents events;

  AdministratorGrants(JdbcAccounts accounts, SecurityEvents events) {
    this.accounts = accounts;
    this.events = events;
  }

  @Override
  public String name() {
    return "administrator";
  }

  @Override
  public void change(long accountId, Plan plan, String by) {
    accounts.setPlan(accountId, plan, name() + " " + by);
    events.record("PLAN_CHANGED", accountId, null, null, plan + " by " + by);
  }
}
