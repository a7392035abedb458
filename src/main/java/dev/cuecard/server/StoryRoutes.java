package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.story.Story;
import dev.cuecard.story.StoryForm;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/**
 * A user's own stories over REST: list, create, read, replace, delete. Only the owner reaches a
 * story; anyone else's id reads as not found. A story that fails a check gets 400 with the field
 * at fault ({@code {"error": "invalid_story", "field", "message"}}).
 */
final class StoryRoutes {
  private final Services s;

  StoryRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.get("/stories").handler(this::list);
    api.post("/stories").handler(this::create);
    api.post("/stories/import").handler(this::importFile);
    api.get("/stories/:id").handler(this::get);
    api.put("/stories/:id").handler(this::replace);
    api.delete("/stories/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    s.stories().list(Http.principal(ctx).userId())
        .onSuccess(list -> Http.list(ctx, "stories", list, st -> st.toJson()))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    long now = System.currentTimeMillis();
    Story story = read(ctx, UUID.randomUUID().toString(), now, now);
    if (story != null) {
      s.stories().create(story, s.config().integer(ConfigKey.LIMITS_STORIES_PER_USER))
          .onSuccess(st -> Http.json(ctx, 201, st.toJson()))
          .onFailure(ctx::fail);
    }
  }

  /**
   * Adds every story of a stories file ({@code {"stories": [...]}}, as the data export writes it):
   * all of them or, when one fails a check, none, with the failing one's position and field.
   */
  private void importFile(RoutingContext ctx) {
    JsonObject body = Http.body(ctx);
    if (!(body.getValue("stories") instanceof JsonArray arr) || arr.isEmpty()) {
      Http.json(ctx, 400, Http.invalid("invalid_story", "stories",
          "a stories file is {\"stories\": [story, ...]} with at least one story"));
      return;
    }
    long now = System.currentTimeMillis();
    java.util.List<Story> stories = new java.util.ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      try {
        if (!(arr.getValue(i) instanceof JsonObject o)) {
          throw new StoryForm.Invalid("stories", "must be a story object");
        }
        stories.add(StoryForm.read(o, UUID.randomUUID().toString(), Http.principal(ctx).userId(), now, now));
      } catch (StoryForm.Invalid e) {
        Http.json(ctx, 400, Http.invalid("invalid_story", e.field(), "story " + (i + 1) + ": " + e.getMessage())
            .put("index", i));
        return;
      }
    }
    s.stories().createAll(stories, s.config().integer(ConfigKey.LIMITS_STORIES_PER_USER))
        .onSuccess(added -> Http.json(ctx, 201, new JsonObject().put("imported", added)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    owned(ctx).onSuccess(st -> Http.json(ctx, 200, st.toJson())).onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    owned(ctx).onSuccess(existing -> {
      Story story = read(ctx, existing.id(), existing.createdAt(), System.currentTimeMillis());
      if (story != null) {
        s.stories().update(story)
            .compose(done -> done ? Future.succeededFuture(story) : Future.<Story>failedFuture(ApiException.notFound("story")))
            .onSuccess(st -> Http.json(ctx, 200, st.toJson()))
            .onFailure(ctx::fail);
      }
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    s.stories().delete(Http.principal(ctx).userId(), ctx.pathParam("id"))
        .onSuccess(done -> {
          if (done) {
            ctx.response().setStatusCode(204).end();
          } else {
            ctx.fail(ApiException.notFound("story"));
          }
        })
        .onFailure(ctx::fail);
  }

  private Future<Story> owned(RoutingContext ctx) {
    return s.stories().get(Http.principal(ctx).userId(), ctx.pathParam("id"))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
            ApiException.notFound("story"))));
  }

  /** The story in the request body, or null after answering 400 with the field at fault. */
  private static Story read(RoutingContext ctx, String id, long createdAt, long updatedAt) {
    try {
      return StoryForm.read(Http.body(ctx), id, Http.principal(ctx).userId(), createdAt, updatedAt);
    } catch (StoryForm.Invalid e) {
      Http.json(ctx, 400, Http.invalid("invalid_story", e.field(), e.getMessage()));
      return null;
    }
  }
}
