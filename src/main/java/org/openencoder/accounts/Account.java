package org.openencoder.accounts;

import java.time.Instant;
import java.util.Set;

/** A member account. The email is stored lower-cased and is the login name. */
public record Account(
    long id,
    String email,
    String displayName,
    Plan plan,
    String planSource,
    Set<Role> roles,
    Instant createdAt,
    Instant verifiedAt) {

  public Account {
    roles = Set.copyOf(roles);
  }

  public boolean verified() {
    return verifiedAt != null;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
