package dev.cuecard.server;

import dev.cuecard.bank.Card;
import dev.cuecard.session.OwnCards;
import dev.cuecard.store.RememberedWordings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The wordings a user corrected ({@code RememberedWordings}) over REST: added after the fact (a
 * question a review shows with the wrong card, or none), listed with the card each now brings,
 * forgotten one by one or all at once. Only the user reaches theirs; after a change their
 * sessions match with or without it from the next question.
 */
final class RememberedRoutes {
  private final Services s;

  RememberedRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.get("/remembered").handler(this::list);
    api.post("/remembered").handler(this::add);
    api.delete("/remembered").handler(this::forgetAll);
    api.delete("/remembered/:id").handler(this::forget);
  }

  private void list(RoutingContext ctx) {
    s.remembered().list(Http.principal(ctx).userId())
        .onSuccess(list -> Http.list(ctx, "wordings", list, w -> {
          Card card = s.bank().get().bank().get(w.cardId());
          return w.toJson().put("question", card == null ? null : card.question());
        }))
        .onFailure(ctx::fail);
  }

  /** {@code {"heard", "cardId"}}: from now on these words bring that card of the server's bank. */
  private void add(RoutingContext ctx) {
    JsonObject body = Http.body(ctx);
    if (!(body.getValue("heard") instanceof String heard)) {
      throw new ApiException(400, "invalid_field", "heard must be the question's words as a string");
    }
    Card card = bankCard(s, ctx, body);
    if (card == null) {
      return;
    }
    String wording = OwnCards.wording(heard);
    if (wording == null) {
      Http.json(ctx, 400, Http.invalid("invalid_wording", "heard", "heard must have at least " + OwnCards.MIN_WORDS
          + " words and at most " + RememberedWordings.MAX_CHARS + " characters"));
      return;
    }
    remember(s, Http.principal(ctx).userId(), wording, card)
        .onSuccess(w -> Http.json(ctx, 201, w))
        .onFailure(ctx::fail);
  }

  /**
   * The card of the server's bank the body's {@code cardId} names; or null, with a 400 {@code
   * unknown_card} sent. A {@code cardId} that is not a string is a 400 {@code invalid_field}.
   */
  static Card bankCard(Services s, RoutingContext ctx, JsonObject body) {
    if (!(body.getValue("cardId") instanceof String cardId)) {
      throw new ApiException(400, "invalid_field", "cardId must be a card id as a string");
    }
    Card card = s.bank().get().bank().get(cardId);
    if (card == null) {
      Http.json(ctx, 400, Http.invalid("unknown_card", "cardId", "no card '"
          + (cardId.length() > 40 ? cardId.substring(0, 40) + "…" : cardId) + "' in the server's bank"));
    }
    return card;
  }

  /** Remembers the wording (as {@link OwnCards#wording} gives it) for the card; the stored wording with the card's question. */
  static Future<JsonObject> remember(Services s, String user, String wording, Card card) {
    return s.ownCards().remember(user, wording, card.id()).compose(v -> s.remembered().list(user))
        .compose(list -> list.stream().filter(w -> w.wording().equals(wording)).findFirst()
            .map(w -> Future.succeededFuture(w.toJson().put("question", card.question())))
            .orElseGet(() -> Future.failedFuture(new IllegalStateException("a remembered wording was not stored"))));
  }

  private void forget(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("remembered wording '" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
    }
    String user = Http.principal(ctx).userId();
    s.remembered().forget(user, id).onSuccess(done -> {
      if (!done) {
        ctx.fail(ApiException.notFound("remembered wording " + id));
        return;
      }
      s.ownCards().changed(user).onComplete(r -> ctx.response().setStatusCode(204).end());
    }).onFailure(ctx::fail);
  }

  private void forgetAll(RoutingContext ctx) {
    String user = Http.principal(ctx).userId();
    s.remembered().forgetAll(user).onSuccess(n -> s.ownCards().changed(user)
            .onComplete(r -> Http.json(ctx, 200, new JsonObject().put("forgotten", n))))
        .onFailure(ctx::fail);
  }
}
