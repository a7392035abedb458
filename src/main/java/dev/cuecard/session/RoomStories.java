package dev.cuecard.session;

import dev.cuecard.bank.Card;
import dev.cuecard.coach.StoryTracker;
import dev.cuecard.store.Stories;
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
 * The session owner's own stories in a room: when a behavioural card comes up, the best-fitting
 * ones (with stories told already in this session flagged); a story pinned for the answer and its
 * points as the candidate tells it. Everything here goes only to the owner's own connections
 * ({@link Addresses#owner}), never to partners or observers. Runs on the room's event loop.
 */
final class RoomStories {
  private final String sessionId;
  private final Stories store;
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

  RoomStories(String sessionId, Stories store, Consumer<JsonObject> toOwner) {
    this.sessionId = sessionId;
    this.store = store;
    this.toOwner = toOwner;
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

  /** A final candidate snippet: the pinned story's points it covers. */
  void candidateSaid(String text, long now) {
    if (pinned != null && pinned.candidateSaid(text, now)) {
      toOwner.accept(storyMessage());
    }
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
