package dev.cuecard.server;

import dev.cuecard.bank.Card;
import dev.cuecard.drill.Drills;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.Function;

/** Drills over REST: the cards to practise next (SM-2, worst first) and progress per topic; the user's own only. */
final class DrillRoutes {
  private final Services s;

  DrillRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.get("/drills").handler(this::next);
    api.get("/drills/progress").handler(this::progress);
  }

  private void next(RoutingContext ctx) {
    String user = Http.principal(ctx).userId();
    int limit = limit(ctx.queryParams().get("limit"));
    long now = System.currentTimeMillis();
    s.drillHistory().answers(user).onSuccess(history -> {
      List<Drills.Item> items = Drills.schedule(history, cards(user));
      JsonArray next = new JsonArray();
      Drills.next(items, now, limit).forEach(i -> next.add(i.toJson(now)));
      Http.json(ctx, 200, new JsonObject().put("next", next).put("cards", items.size())
          .put("dueNow", items.stream().filter(i -> i.due(now)).count()));
    }).onFailure(ctx::fail);
  }

  private void progress(RoutingContext ctx) {
    String user = Http.principal(ctx).userId();
    s.drillHistory().answers(user)
        .onSuccess(history -> Http.json(ctx, 200, new JsonObject().put("topics", Drills.progress(history, cards(user)))))
        .onFailure(ctx::fail);
  }

  /** The server's cards and the user's own. */
  private Function<String, Card> cards(String user) {
    return id -> {
      Card c = s.bank().bank().get(id);
      return c != null ? c : s.ownCards().card(user, id);
    };
  }

  private static int limit(String raw) {
    if (raw == null) {
      return 10;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ApiException.badRequest("limit must be an integer from 1 to 100");
  }
}
