package dev.cuecard.session;

import org.junit.jupiter.api.Test;

import static dev.cuecard.protocol.Speaker.CANDIDATE;
import static dev.cuecard.protocol.Speaker.INTERVIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which copy of speech heard on both channels is the echo, with the times given explicitly. */
class CrossTalkTest {
  private final CrossTalk talk = new CrossTalk();

  @Test
  void theCandidatesVoiceBackThroughTheCallIsAnEchoOfTheCandidate() {
    assertNull(talk.heard(CANDIDATE, "so at my last job we", false, 0));
    assertNull(talk.heard(CANDIDATE, "so at my last job we moved the reports", false, 600));
    // the call brings it back 400 ms later, misheard a little
    assertEquals(CANDIDATE, talk.heard(INTERVIEWER, "so at my last job", false, 1_000));
    assertNull(talk.heard(CANDIDATE, "so at my last job we moved the reports to celery", true, 1_500));
    assertEquals(CANDIDATE, talk.heard(INTERVIEWER, "so at my last job we moved the report to salary", true, 1_900));
  }

  @Test
  void theInterviewersVoiceLeakingIntoTheMicIsAnEchoOfTheInterviewer() {
    assertNull(talk.heard(INTERVIEWER, "how would you design a", false, 0));
    assertEquals(INTERVIEWER, talk.heard(CANDIDATE, "how would you design", false, 100));
    assertEquals(INTERVIEWER, talk.heard(CANDIDATE, "how would you design a rate limiter", true, 1_200));
    // the interviewer's own final is theirs: the mic's copy was the echo, not an original
    assertNull(talk.heard(INTERVIEWER, "how would you design a rate limiter for an api", true, 1_400));
  }

  @Test
  void sentencesSplitDifferentlyOnTheTwoChannelsStillMerge() {
    assertNull(talk.heard(CANDIDATE, "we cached the query results", true, 1_000));
    assertNull(talk.heard(CANDIDATE, "in redis for five minutes", true, 2_500));
    assertEquals(CANDIDATE, talk.heard(INTERVIEWER, "we cashed the query results in redis", true, 2_700));
  }

  @Test
  void aRealReplyThatRepeatsTheOthersWordsAfterTheyStoppedIsNotAnEcho() {
    assertNull(talk.heard(CANDIDATE, "I would add an index on the email column", true, 2_000));
    // the interviewer picks up the candidate's words four seconds after they stopped talking
    assertNull(talk.heard(INTERVIEWER, "an index on the email column, why", true, 6_000));
  }

  @Test
  void aQuestionAskedOverTheCandidatesTalkIsNotAnEcho() {
    assertNull(talk.heard(CANDIDATE, "and then the select related call joins the author table", false, 0));
    assertNull(talk.heard(INTERVIEWER, "how does prefetch related differ from select related", true, 800));
  }

  @Test
  void speechThatStartedFirstIsTheOriginalEvenWhenItsFinalComesLater() {
    assertNull(talk.heard(CANDIDATE, "I led the migration to", false, 0));
    assertEquals(CANDIDATE, talk.heard(INTERVIEWER, "I led the migration to postgres last year", true, 1_500));
    assertNull(talk.heard(CANDIDATE, "I led the migration to postgres last year", true, 1_700));
  }

  @Test
  void shortInterimsAreNotJudgedAndOldSpeechIsForgotten() {
    assertNull(talk.heard(CANDIDATE, "tell me about a time you failed", true, 0));
    assertNull(talk.heard(INTERVIEWER, "tell me", false, 200), "two words are too few to tell");
    assertNull(talk.heard(INTERVIEWER, "tell me about a time you failed", true, 20_000), "long after: not an echo");
  }

  @Test
  void commonInOrderCountsWordsInOrderOnly() {
    assertEquals(3, CrossTalk.commonInOrder(CrossTalk.words("a b c d"), CrossTalk.words("a x b c")));
    assertEquals(1, CrossTalk.commonInOrder(CrossTalk.words("what is the"), CrossTalk.words("the thing is what I")));
    assertEquals(0, CrossTalk.commonInOrder(CrossTalk.words(""), CrossTalk.words("anything")));
    assertEquals(CrossTalk.MAX_WORDS, CrossTalk.words("w ".repeat(500)).size());
  }
}
