package dev.cuecard.server;

import dev.cuecard.bank.Card;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The wordings a user corrected ({@code RememberedWordings}) over REST: listed with the card each
 * now brings, forgotten one by one or all at once. Only the user reaches theirs; after a change
 * their sessions match without it from the next question.
 */
final class RememberedRoutes {
  private final Services s;

  RememberedRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.get("/remembered").handler(this::list);
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
