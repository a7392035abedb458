package dev.cuecard.session;

import dev.cuecard.bank.Card;
import dev.cuecard.coach.StoryTracker;
import dev.cuecard.coach.SaidPoints;
import dev.cuecard.drill.Drills;
import dev.cuecard.match.Fallback;
import dev.cuecard.store.DrillHistory;
import dev.cuecard.store.MyAnswers;
import dev.cuecard.store.Stories;
import dev.cuecard.story.MyAnswer;
import dev.cuecard.story.Story;
import dev.cuecard.story.StoryFit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The session owner's own material in a room: when a behavioural card comes up, their
 * best-fitting stories (with stories told already in this session flagged), and a story pinned
 * for the answer with its points as the candidate tells it; on any card, their own answer to it
 * ("my answer": points and phrasing) with its points as they are said. Everything here goes only
 * to the owner's own connections ({@link Addresses#owner}), never to partners or observers. Runs
 * on the room's event loop.
 */
final class RoomOwn {
  private final String sessionId;
  private final Stories store;
  private final MyAnswers answers;
  private final DrillHistory drills;
  private final Consumer<JsonObject> toOwner;
  private final Set<String> told = new HashSet<>();
  private String ownerId;
  /** The behavioural card on screen (null when the card is another kind), and its suggestions. */
  private Card card;
  private JsonObject suggestions;
  /** Suggested stories by id, for pinning (only what was offered can be pinned). */
  private List<StoryFit.Fit> offered = List.of();
  private StoryTracker pinned;
  private long version;
  /** The owner's own answer to the card on screen, followed as they speak, or null. */
  private MyAnswer mine;
  private SaidPoints minePoints;
  private String mineCard;

  RoomOwn(String sessionId, Stories store, MyAnswers answers, DrillHistory drills, Consumer<JsonObject> toOwner) {
    this.sessionId = sessionId;
    this.store = store;
    this.answers = answers;
    this.drills = drills;
    this.toOwner = toOwner;
  }

  /** The session owner's user id, once one of their connections joined (else null). */
  String ownerId() {
    return ownerId;
  }

  /** The owner joined (their user id), so the room can read their stories. */
  void owner(String userId) {
    ownerId = userId;
  }

  /** A card came up: for a behavioural one, the owner's best-fitting stories; any card unpins. */
  void cardShown(Card shown) {
    long v = ++version;
    pinned = null;
    offered = List.of();
    suggestions = null;
    mine = null;
    minePoints = null;
    mineCard = shown.id();
    readMine(v);
    card = StoryFit.isStoryCard(shown) ? shown : null;
    if (card == null || ownerId == null) {
      return;
    }
    Card asked = card;
    store.list(ownerId).onSuccess(stories -> {
      if (v != version) {
        return; // another card came first
      }
      offered = StoryFit.rank(asked, stories, told);
      JsonArray arr = new JsonArray();
      offered.forEach(f -> arr.add(f.toJson()));
      suggestions = new JsonObject().put("type", "stories").put("sessionId", sessionId).put("cardId", asked.id())
          .put("stories", arr).put("youHave", stories.size());
      toOwner.accept(suggestions);
    });
  }

  /** Pins one of the offered stories for this answer (null unpins); fails when it was not offered. */
  Future<Void> pin(String storyId) {
    if (storyId == null) {
      pinned = null;
      toOwner.accept(storyMessage());
      return Future.succeededFuture();
    }
    Story story = offered.stream().map(StoryFit.Fit::story).filter(s -> s.id().equals(storyId)).findFirst()
        .orElse(null);
    if (story == null) {
      return Future.failedFuture("that story is not among the ones offered for the card on screen");
    }
    pinned = new StoryTracker(story);
    told.add(story.id());
    toOwner.accept(storyMessage());
    return Future.succeededFuture();
  }

  /** A final candidate snippet: the points of the pinned story and of their own answer it covers. */
  void candidateSaid(String text, long now) {
    if (pinned != null && pinned.candidateSaid(text, now)) {
      toOwner.accept(storyMessage());
    }
    if (minePoints != null && minePoints.heard(text, now)) {
      toOwner.accept(mineMessage());
    }
  }

  /** The owner edited their answer: read it again for the card on screen (coverage starts afresh). */
  void reloadMine() {
    readMine(version);
  }

  private void readMine(long v) {
    String cardId = mineCard;
    if (ownerId == null || cardId == null || cardId.startsWith(Fallback.ID_PREFIX)) {
      return;
    }
    answers.get(ownerId, cardId).onSuccess(found -> {
      if (v != version) {
        return;
      }
      mine = found.orElse(null);
      minePoints = mine == null ? null : new SaidPoints(mine.points().stream()
          .map(p -> new SaidPoints.Point("mine", p, true)).toList());
      toOwner.accept(mineMessage());
    });
  }

  /**
   * The owner's next drill card (SM-2 over their answers, worst first: {@code drill.Drills}),
   * never the one on screen; fails with a message for the asker when there is none.
   */
  Future<Card> nextDrill(Card onScreen, java.util.function.Function<String, Card> cards) {
    if (ownerId == null) {
      return Future.failedFuture("drills need the session's owner connected");
    }
    return drills.answers(ownerId).recover(e -> Future.failedFuture("could not read the drill history"))
        .compose(history -> Drills.next(Drills.schedule(history, cards), System.currentTimeMillis(), 2).stream()
            .map(Drills.Item::card).filter(c -> onScreen == null || !c.id().equals(onScreen.id())).findFirst()
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture("nothing to drill yet: answer some questions first")));
  }

  /**
   * What the owner's own material adds to the answer now ending: the pinned story's coverage and
   * their own answer's (either may be absent), or null when neither was in play.
   */
  JsonObject answerSoFar() {
    if (pinned == null && minePoints == null) {
      return null;
    }
    JsonObject out = new JsonObject();
    if (pinned != null) {
      out.put("story", pinned.toJson());
    }
    if (minePoints != null) {
      out.put("mine", minePoints.toJson());
    }
    return out;
  }

  /** Stories told earlier in this session (from its stored answers, when the room is restored). */
  void toldBefore(java.util.Collection<String> storyIds) {
    told.addAll(storyIds);
  }

  /** For an owner joining: their answer to the card on screen, or null. */
  JsonObject mineNow() {
    return mine == null ? null : mineMessage();
  }

  private JsonObject mineMessage() {
    return new JsonObject().put("type", "mine").put("sessionId", sessionId).put("cardId", mineCard)
        .put("mine", mine == null ? null : minePoints.toJson().put("phrasing", mine.phrasing()));
  }

  /** For an owner joining: the suggestions and the pinned story now (either may be null). */
  JsonObject suggestions() {
    return suggestions;
  }

  JsonObject pinnedNow() {
    return pinned == null ? null : storyMessage();
  }

  private JsonObject storyMessage() {
    return new JsonObject().put("type", "story").put("sessionId", sessionId)
        .put("cardId", card == null ? null : card.id())
        .put("story", pinned == null ? null : pinned.toJson());
  }
}
