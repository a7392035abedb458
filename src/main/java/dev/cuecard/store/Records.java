package dev.cuecard.store;

/** Plain rows as stored. */
public final class Records {
  private Records() {
  }

  public record User(String id, String username, String passwordHash, long createdAt, int tokenVersion) {
  }

  public record Session(String id, String ownerId, String title, long createdAt) {
  }

  public record Participant(String id, String sessionId, String userId, String role, String name) {
  }

  public record Utterance(String sessionId, String participantId, long seq, String speaker, String text,
                          Long clientTs, long receivedAt, String echoOf) {
    /** An utterance as said by its speaker (not the other speaker's words heard again). */
    public Utterance(String sessionId, String participantId, long seq, String speaker, String text, Long clientTs,
                     long receivedAt) {
      this(sessionId, participantId, seq, speaker, text, clientTs, receivedAt, null);
    }
  }

  /**
   * A card shown in a session, or (source {@value #FOLLOW_UP}) a follow-up resolved against the
   * card on screen: then {@code question} is the follow-up as the card lists it, or its kind.
   */
  public record Cue(String sessionId, String cardId, String question, String heard, double score,
                    String source, long shownAt) {
    public static final String FOLLOW_UP = "followup";

    public boolean followUp() {
      return FOLLOW_UP.equals(source);
    }
  }
}
