package dev.cuecard.server;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;
import dev.cuecard.match.Matcher;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.function.Predicate;

/** Browsing and searching the question bank. */
final class BankRoutes {
  private static final int MAX_LIMIT = 500;

  private final Services s;

  BankRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.get("/banks").handler(this::banks);
    api.get("/questions").handler(this::questions);
    api.get("/questions/:id").handler(this::question);
  }

  private void banks(RoutingContext ctx) {
    Bank bank = s.bank().bank();
    JsonArray files = new JsonArray();
    for (Bank.Source src : bank.sources()) {
      files.add(new JsonObject().put("bank", src.bank()).put("title", src.title()).put("file", src.file())
          .put("cards", src.cards()));
    }
    JsonArray categories = new JsonArray(bank.cards().stream().map(Card::category).distinct().sorted().toList());
    Http.json(ctx, 200, new JsonObject().put("cards", bank.size()).put("banks", files)
        .put("categories", categories).put("loadedAt", s.bank().loadedAt()).put("error", s.bank().error()));
  }

  /** {@code ?q=} ranks by match confidence; without it, cards are listed in bank order. Filters: bank, category, difficulty. */
  private void questions(RoutingContext ctx) {
    String q = param(ctx, "q");
    int limit = limit(param(ctx, "limit"));
    Predicate<Card> filter = filter(param(ctx, "bank"), param(ctx, "category"), param(ctx, "difficulty"));
    Matcher matcher = s.bank().get();
    if (q == null || q.isBlank()) {
      JsonArray out = new JsonArray();
      matcher.bank().cards().stream().filter(filter).limit(limit).forEach(c -> out.add(summary(c)));
      Http.json(ctx, 200, new JsonObject().put("questions", out));
      return;
    }
    if (q.length() > 1000) {
      throw ApiException.badRequest("q must be at most 1000 characters");
    }
    // on a worker: the first search after start-up or a bank reload builds the Lucene index (~0.5 s)
    ctx.vertx().executeBlocking(() -> matcher.rank(q, MAX_LIMIT), false)
        .onSuccess(ranked -> {
          JsonArray out = new JsonArray();
          ranked.stream().filter(m -> filter.test(m.card())).limit(limit)
              .forEach(m -> out.add(summary(m.card()).put("score", Math.round(m.score() * 1000) / 1000.0)));
          Http.json(ctx, 200, new JsonObject().put("questions", out));
        })
        .onFailure(ctx::fail);
  }

  private void question(RoutingContext ctx) {
    Card c = s.bank().bank().get(ctx.pathParam("id"));
    if (c == null) {
      throw ApiException.notFound("card " + ctx.pathParam("id"));
    }
    Http.json(ctx, 200, c.toJson());
  }

  private static JsonObject summary(Card c) {
    return new JsonObject().put("id", c.id()).put("question", c.question()).put("bank", c.bank())
        .put("category", c.category()).put("framework", c.framework().name()).put("difficulty", c.difficulty())
        .put("tags", new JsonArray(c.tags()));
  }

  private static Predicate<Card> filter(String bank, String category, String difficulty) {
    return c -> (bank == null || c.bank().equals(bank))
        && (category == null || c.category().equalsIgnoreCase(category))
        && (difficulty == null || c.difficulty().equals(difficulty.toLowerCase(Locale.ROOT)));
  }

  private static int limit(String raw) {
    if (raw == null) {
      return 50;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // fall through to the error
    }
    throw ApiException.badRequest("limit must be an integer from 1 to " + MAX_LIMIT);
  }

  private static String param(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
