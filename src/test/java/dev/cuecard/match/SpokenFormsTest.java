package dev.cuecard.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpokenFormsTest {

  @Test
  void recogniserSpellingsAreWrittenOut() {
    assertEquals("how does django handle sql injection", SpokenForms.written("how does Jango handle sequel injection"));
    assertEquals("what is gunicorn for", SpokenForms.written("what is gunny corn for"));
    assertEquals("why do we need csrf tokens", SpokenForms.written("why do we need c s r f tokens"));
    assertEquals("when would you use select related", SpokenForms.written("when would you use select underscore related"));
    assertEquals("how does celery retry a task", SpokenForms.written("how does sell a ree retry a task"));
    assertEquals("is asyncio faster than threads", SpokenForms.written("is a sync io faster than threads"));
    assertEquals("how is async different", SpokenForms.written("how is a sync different"));
  }

  @Test
  void theLongestSpokenFormWins() {
    // "sequel" alone is sql; "sequel injection" must not become "sql injection" by way of "sequel"
    assertEquals("is orm code safe from sql injection", SpokenForms.written("is orm code safe from sequel injection"));
    assertEquals("write it in sql", SpokenForms.written("write it in sequel"));
  }

  @Test
  void namesSpelledOutStayLongAndWordsInsideOtherWordsStay() {
    assertEquals("what is the global interpreter lock", SpokenForms.written("what is the global interpreter lock"));
    assertEquals("explain django rest framework serializers", SpokenForms.written("explain django rest framework serializers"));
    // "generic views" keeps its word; "fk" only as a word, not inside "fkey"
    assertEquals("how do generic views work", SpokenForms.written("how do generic views work"));
    assertEquals("what is an fkey", SpokenForms.written("what is an fkey"));
    assertEquals("what is a foreign key", SpokenForms.written("what is a fk"));
  }
}
