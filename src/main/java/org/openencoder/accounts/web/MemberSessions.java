package org.openencoder.accounts.web;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A member's sessions on every node (they are rows in PostgreSQL): ended when the password is reset
 * or the account deleted, so a session opened with the old password does not live on.
 */
@Component
class MemberSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  void endAll(String email) {
    sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
  }
}
