package dev.cuecard.server;

import dev.cuecard.bank.BankException;
import dev.cuecard.bank.BankFormats;
import dev.cuecard.bank.OwnBanks;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.UserBanks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bank editor's API: a user's own banks and their cards (create, read, replace, delete,
 * duplicate a card), each checked like a bank file before it is stored, then matched in that
 * user's sessions only ({@code OwnCards}). The server's bank is read-only here.
 */
final class OwnBankRoutes {
  private final Services s;

  OwnBankRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.get("/my/banks").handler(this::list);
    api.post("/my/banks").handler(this::create);
    api.get("/my/banks/:bank").handler(this::get);
    api.put("/my/banks/:bank").handler(this::replace);
    api.delete("/my/banks/:bank").handler(this::delete);
    api.post("/my/banks/:bank/duplicate").handler(this::duplicateBank);
    api.post("/my/banks/:bank/cards").handler(this::addCard);
    api.put("/my/banks/:bank/cards/:id").handler(this::replaceCard);
    api.delete("/my/banks/:bank/cards/:id").handler(this::deleteCard);
    api.post("/my/banks/:bank/cards/:id/duplicate").handler(this::duplicateCard);
  }

  private void list(RoutingContext ctx) {
    s.userBanks().list(user(ctx))
        .onSuccess(banks -> Http.list(ctx, "banks", banks, b -> summary(b.body()).put("updatedAt", b.updatedAt())))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = bankFile(ctx);
    store(ctx, body, true).onSuccess(v -> Http.json(ctx, 201, summary(body))).onFailure(ctx::fail);
  }

  /** The bank file, as JSON, or {@code ?format=yaml} / {@code md} (the export). */
  private void get(RoutingContext ctx) {
    BankFormats.Format format = format(ctx);
    owned(ctx).onSuccess(b -> {
      if (format == BankFormats.Format.JSON) {
        Http.json(ctx, 200, b.body());
      } else {
        ctx.response().putHeader("Content-Type", (format == BankFormats.Format.YAML ? "application/yaml"
            : "text/markdown") + "; charset=utf-8").end(BankFormats.write(format, b.body()));
      }
    }).onFailure(ctx::fail);
  }

  /** A bank file in the request body, in JSON or in {@code ?format=yaml} / {@code md} (the import). */
  private static JsonObject bankFile(RoutingContext ctx) {
    BankFormats.Format format = format(ctx);
    if (format == BankFormats.Format.JSON) {
      return Http.body(ctx);
    }
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("request body must be a bank file in " + format.name().toLowerCase(Locale.ROOT));
    }
    try {
      return BankFormats.read(format, text);
    } catch (BankException e) {
      throw invalid(e.problems());
    }
  }

  private static BankFormats.Format format(RoutingContext ctx) {
    String name = ctx.queryParams().get("format");
    BankFormats.Format f = name == null ? BankFormats.Format.JSON : BankFormats.parse(name);
    if (f == null) {
      throw ApiException.badRequest("format must be json, yaml or md");
    }
    return f;
  }

  private void replace(RoutingContext ctx) {
    JsonObject body = bankFile(ctx);
    if (!ctx.pathParam("bank").equals(body.getValue("bank"))) {
      throw invalid(List.of("field 'bank' must be '" + ctx.pathParam("bank") + "', the bank being replaced"));
    }
    store(ctx, body, false).onSuccess(v -> Http.json(ctx, 200, summary(body))).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    s.userBanks().delete(user(ctx), ctx.pathParam("bank")).onSuccess(done -> {
      if (done) {
        s.ownCards().changed(user(ctx)).onComplete(r -> ctx.response().setStatusCode(204).end());
      } else {
        ctx.fail(ApiException.notFound("bank"));
      }
    }).onFailure(ctx::fail);
  }

  /**
   * A copy of the bank as {@code <bank>-copy} (then -copy-2 ...), titled "... (copy)", its cards'
   * ids suffixed the same way, since ids are unique across a user's banks.
   */
  private void duplicateBank(RoutingContext ctx) {
    JsonObject[] copy = new JsonObject[1];
    s.userBanks().list(user(ctx)).compose(all -> {
      UserBanks.Stored b = all.stream().filter(x -> x.bank().equals(ctx.pathParam("bank"))).findFirst()
          .orElseThrow(() -> ApiException.notFound("bank"));
      String suffix = "-copy";
      for (int n = 2; named(b.bank() + suffix, all) || idTaken(b.body(), suffix, all); n++) {
        suffix = "-copy-" + n;
      }
      JsonObject body = b.body().copy().put("bank", b.bank() + suffix)
          .put("title", b.body().getString("title", b.bank()) + " (copy)");
      for (Object o : cards(body)) {
        if (o instanceof JsonObject c && c.getValue("id") instanceof String id) {
          c.put("id", id + suffix);
        }
      }
      copy[0] = body;
      return store(ctx, body, true);
    }).onSuccess(v -> Http.json(ctx, 201, summary(copy[0]))).onFailure(ctx::fail);
  }

  /** Whether one of the bank's card ids with {@code suffix} is taken by the server's bank or the user's. */
  private boolean idTaken(JsonObject bank, String suffix, List<UserBanks.Stored> all) {
    for (Object o : bank.getValue("cards") instanceof JsonArray arr ? arr : new JsonArray()) {
      if (o instanceof JsonObject c && c.getValue("id") instanceof String id && taken(id + suffix, all)) {
        return true;
      }
    }
    return false;
  }

  private static boolean named(String bank, List<UserBanks.Stored> all) {
    return all.stream().anyMatch(b -> b.bank().equals(bank));
  }

  private void addCard(RoutingContext ctx) {
    JsonObject card = Http.body(ctx);
    owned(ctx).compose(b -> {
      JsonObject body = b.body().copy();
      cards(body).add(card);
      return store(ctx, body, false);
    }).onSuccess(v -> Http.json(ctx, 201, card)).onFailure(ctx::fail);
  }

  private void replaceCard(RoutingContext ctx) {
    JsonObject card = Http.body(ctx);
    String id = ctx.pathParam("id");
    if (!id.equals(card.getValue("id"))) {
      throw invalid(List.of("card '" + id + "': field 'id' must be '" + id + "', the card being replaced"
          + " (duplicate it to give it another id)"));
    }
    owned(ctx).compose(b -> {
      JsonObject body = b.body().copy();
      JsonArray cards = cards(body);
      int at = indexOf(cards, id);
      cards.set(at, card);
      return store(ctx, body, false);
    }).onSuccess(v -> Http.json(ctx, 200, card)).onFailure(ctx::fail);
  }

  private void deleteCard(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    owned(ctx).compose(b -> {
      JsonObject body = b.body().copy();
      JsonArray cards = cards(body);
      cards.remove(indexOf(cards, id));
      return store(ctx, body, false);
    }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /** A copy of the card under a new id ({@code <id>-copy}, then -copy-2 ...), in the same bank. */
  private void duplicateCard(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject[] copy = new JsonObject[1];
    s.userBanks().list(user(ctx)).compose(all -> {
      UserBanks.Stored b = all.stream().filter(x -> x.bank().equals(ctx.pathParam("bank"))).findFirst()
          .orElseThrow(() -> ApiException.notFound("bank"));
      JsonObject body = b.body().copy();
      JsonArray cards = cards(body);
      JsonObject card = cards.getJsonObject(indexOf(cards, id)).copy();
      String newId = id + "-copy";
      for (int n = 2; taken(newId, all); n++) {
        newId = id + "-copy-" + n;
      }
      card.put("id", newId);
      cards.add(card);
      copy[0] = card;
      return store(ctx, body, false);
    }).onSuccess(v -> Http.json(ctx, 201, copy[0])).onFailure(ctx::fail);
  }

  private boolean taken(String id, List<UserBanks.Stored> all) {
    return s.bank().bank().get(id) != null || all.stream().anyMatch(b -> {
      Object cards = b.body().getValue("cards");
      return cards instanceof JsonArray arr && indexOrMinus(arr, id) >= 0;
    });
  }

  /**
   * Checks the bank against the server's bank and the user's other banks, stores it (a new one
   * when {@code create}), and has every node rebuild the user's matcher.
   */
  private Future<Void> store(RoutingContext ctx, JsonObject body, boolean create) {
    String userId = user(ctx);
    String name;
    try {
      name = OwnBanks.name(body);
    } catch (BankException e) {
      return Future.failedFuture(invalid(e.problems()));
    }
    return s.userBanks().list(userId).compose(all -> {
      Map<String, String> otherIds = new HashMap<>();
      for (UserBanks.Stored b : all) {
        if (!b.bank().equals(name) && b.body().getValue("cards") instanceof JsonArray arr) {
          arr.stream().filter(o -> o instanceof JsonObject).map(o -> ((JsonObject) o).getValue("id"))
              .filter(o -> o instanceof String).forEach(o -> otherIds.put((String) o, b.bank()));
        }
      }
      try {
        OwnBanks.check(body, s.bank().bank(), otherIds);
      } catch (BankException e) {
        return Future.failedFuture(invalid(e.problems()));
      }
      return s.userBanks().put(userId, name, body, System.currentTimeMillis(), create,
          s.config().integer(ConfigKey.LIMITS_BANKS_PER_USER));
    }).compose(done -> {
      if (!done) {
        return Future.failedFuture(create ? new ApiException(409, "exists", "you already have a bank named '" + name
            + "'; replace it with PUT or choose another name") : ApiException.notFound("bank"));
      }
      return s.ownCards().changed(userId).recover(e -> Future.succeededFuture()); // stored; matched from the next build
    });
  }

  private Future<UserBanks.Stored> owned(RoutingContext ctx) {
    return s.userBanks().get(user(ctx), ctx.pathParam("bank")).compose(found -> found
        .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(ApiException.notFound("bank"))));
  }

  private static JsonArray cards(JsonObject body) {
    if (!(body.getValue("cards") instanceof JsonArray)) {
      body.put("cards", new JsonArray());
    }
    return body.getJsonArray("cards");
  }

  private static int indexOf(JsonArray cards, String id) {
    int i = indexOrMinus(cards, id);
    if (i < 0) {
      throw ApiException.notFound("card");
    }
    return i;
  }

  private static int indexOrMinus(JsonArray cards, String id) {
    for (int i = 0; i < cards.size(); i++) {
      if (cards.getValue(i) instanceof JsonObject c && id.equals(c.getValue("id"))) {
        return i;
      }
    }
    return -1;
  }

  private static JsonObject summary(JsonObject body) {
    Object cards = body.getValue("cards");
    return new JsonObject().put("bank", body.getValue("bank")).put("title", body.getValue("title", body.getValue("bank")))
        .put("cards", cards instanceof JsonArray a ? a.size() : 0);
  }

  private static ApiException invalid(List<String> problems) {
    return new InvalidBank(problems);
  }

  /** 400 invalid_bank, with every problem (each names the card and field). */
  static final class InvalidBank extends ApiException {
    private final List<String> problems;

    InvalidBank(List<String> problems) {
      super(400, "invalid_bank", problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
          + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""));
      this.problems = problems;
    }

    List<String> problems() {
      return problems;
    }
  }

  private static String user(RoutingContext ctx) {
    return Http.principal(ctx).userId();
  }
}
