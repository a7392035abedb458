package dev.cuecard.server;

import dev.cuecard.story.MyAnswer;
import dev.cuecard.story.StoryForm;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A user's own answer to a card ("my answer": their points and phrasing) over REST, and the list
 * of all of them. Only the user reaches their answers; the card must be in the bank.
 */
final class MyAnswerRoutes {
  private final Services s;

  MyAnswerRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.get("/mine").handler(this::list);
    api.get("/questions/:id/mine").handler(this::get);
    api.put("/questions/:id/mine").handler(this::put);
    api.delete("/questions/:id/mine").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    s.myAnswers().list(Http.principal(ctx).userId())
        .onSuccess(list -> Http.list(ctx, "answers", list, a -> a.toJson()))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String card = card(ctx);
    s.myAnswers().get(Http.principal(ctx).userId(), card).onSuccess(found -> {
      if (found.isPresent()) {
        Http.json(ctx, 200, found.get().toJson());
      } else {
        ctx.fail(ApiException.notFound("your answer to " + card));
      }
    }).onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    String card = card(ctx);
    MyAnswer a;
    try {
      a = MyAnswer.read(Http.body(ctx), Http.principal(ctx).userId(), card, System.currentTimeMillis());
    } catch (StoryForm.Invalid e) {
      Http.json(ctx, 400, Http.invalid("invalid_answer", e.field(), e.getMessage()));
      return;
    }
    s.myAnswers().put(a).onSuccess(saved -> Http.json(ctx, 200, saved.toJson())).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String card = card(ctx);
    s.myAnswers().delete(Http.principal(ctx).userId(), card).onSuccess(done -> {
      if (done) {
        ctx.response().setStatusCode(204).end();
      } else {
        ctx.fail(ApiException.notFound("your answer to " + card));
      }
    }).onFailure(ctx::fail);
  }

  /** The card id of the path, which must name a card of the bank (else 404). */
  private String card(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (s.bank().get().bank().get(id) == null) {
      throw ApiException.notFound("card '" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "'");
    }
    return id;
  }
}
