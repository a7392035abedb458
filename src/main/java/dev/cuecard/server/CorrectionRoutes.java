package dev.cuecard.server;

import dev.cuecard.bank.Card;
import dev.cuecard.coach.Rescore;
import dev.cuecard.protocol.Speaker;
import dev.cuecard.session.OwnCards;
import dev.cuecard.store.Records;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A cue put right after the session, from the review: {@code POST /api/sessions/{id}/corrections
 * {"shownAt", "cardId"}} names the card that was really asked for the cue shown at that moment.
 * The words it was decided on are remembered for that card (as a click on an alternative in the
 * session would), and the answer given to it, if one was stored, is scored again against that
 * card ({@link Rescore}), so the review and the drills no longer count the wrong card's points.
 * The transcript keeps the cue as it was shown.
 */
final class CorrectionRoutes {
  private final Services s;

  CorrectionRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.post("/sessions/:id/corrections").handler(this::correct);
  }

  private void correct(RoutingContext ctx) {
    JsonObject body = Http.body(ctx);
    if (!(body.getValue("shownAt") instanceof Number n) || n.longValue() != n.doubleValue()) {
      throw new ApiException(400, "invalid_field", "shownAt must be the cue's time (epoch ms) as the transcript gives it");
    }
    long shownAt = n.longValue();
    Card card = RememberedRoutes.bankCard(s, ctx, body);
    if (card == null) {
      return;
    }
    String user = Http.principal(ctx).userId();
    SessionRoutes.owned(s, ctx)
        .compose(session -> s.transcripts().cues(session.id()).compose(cues -> {
          Records.Cue cue = cues.stream().filter(c -> c.shownAt() == shownAt && !c.followUp()).findFirst().orElse(null);
          if (cue == null) {
            return Future.failedFuture(ApiException.notFound("cue shown at " + shownAt + " in session " + session.id()));
          }
          return remember(user, cue, card).compose(remembered -> rescore(session.id(), shownAt, card)
              .map(answers -> new JsonObject().put("remembered", remembered).put("answers", answers)));
        }))
        .onSuccess(out -> Http.json(ctx, 200, out))
        .onFailure(ctx::fail);
  }

  /** The wording remembered for the card, or null when the cue's words are too few (or too many) to keep. */
  private Future<JsonObject> remember(String user, Records.Cue cue, Card card) {
    String wording = OwnCards.wording(cue.heard());
    return wording == null ? Future.succeededFuture(null) : RememberedRoutes.remember(s, user, wording, card);
  }

  /** The stored answers to the cue (none while it is still being answered), scored again against the card. */
  private Future<JsonArray> rescore(String sessionId, long shownAt, Card card) {
    return Future.all(s.coaching().answers(sessionId), s.transcripts().utterances(sessionId)).compose(all -> {
      List<JsonObject> answers = all.resultAt(0);
      List<Records.Utterance> said = all.resultAt(1);
      JsonObject stored = answers.stream().filter(a -> a.getLong("shownAt", -1L) == shownAt).findFirst().orElse(null);
      if (stored == null) {
        return Future.succeededFuture(new JsonArray());
      }
      long from = stored.getLong("startedAt", shownAt);
      long to = stored.getLong("endedAt", from);
      List<String> finals = new ArrayList<>();
      for (Records.Utterance u : said) {
        if (Speaker.CANDIDATE.wire().equals(u.speaker()) && u.echoOf() == null && u.receivedAt() >= from && u.receivedAt() <= to) {
          finals.add(u.text());
        }
      }
      JsonObject again = Rescore.against(card, stored, finals);
      return s.coaching().replaceAnswer(sessionId, shownAt, again).map(n -> new JsonArray().add(again));
    });
  }
}
