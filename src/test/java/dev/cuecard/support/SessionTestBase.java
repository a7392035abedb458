package dev.cuecard.support;

import org.junit.jupiter.api.BeforeEach;

/** A real server in a temp data dir with one registered user and one session, fresh for every test. */
public abstract class SessionTestBase extends ServerTestBase {
  protected String token;
  protected String session;

  @BeforeEach
  void newUserAndSession() {
    token = server.newUser();
    session = server.newSession(token);
  }
}
