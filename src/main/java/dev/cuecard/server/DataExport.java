package dev.cuecard.server;

import dev.cuecard.store.Records.User;
import dev.cuecard.store.RememberedWordings;
import dev.cuecard.store.UserBanks;
import dev.cuecard.story.MyAnswer;
import dev.cuecard.story.Story;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An account's data as one zip archive: {@code account.json} (no password hash),
 * {@code stories.json} (the user's own stories, in the shape the stories API takes),
 * {@code my-answers.json} (their own answers to cards), {@code banks/<bank>.json} (their own
 * question banks, as bank files), {@code remembered-wordings.json} (wordings they corrected to
 * another card), a {@code sessions.json} index, and for each session {@code sessions/<id>/transcript.json},
 * {@code transcript.md} and {@code summary.json}.
 */
final class DataExport {
  private final User user;
  private final List<TranscriptView> views = new ArrayList<>();
  private final List<JsonObject> summaries = new ArrayList<>();
  private List<Story> stories = List.of();
  private List<MyAnswer> answers = List.of();
  private List<UserBanks.Stored> banks = List.of();
  private List<RememberedWordings.Wording> wordings = List.of();

  DataExport(User user) {
    this.user = user;
  }

  String userId() {
    return user.id();
  }

  DataExport stories(List<Story> list) {
    stories = list;
    return this;
  }

  DataExport banks(List<UserBanks.Stored> list) {
    banks = list;
    return this;
  }

  DataExport remembered(List<RememberedWordings.Wording> list) {
    wordings = list;
    return this;
  }

  DataExport myAnswers(List<MyAnswer> list) {
    answers = list;
    return this;
  }

  DataExport add(TranscriptView view, JsonObject summary) {
    views.add(view);
    summaries.add(summary);
    return this;
  }

  /** Builds the archive; blocking (compression), so called on a worker. */
  byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      put(zip, "account.json", new JsonObject().put("id", user.id()).put("username", user.username())
          .put("createdAt", user.createdAt()).put("exportedAt", System.currentTimeMillis()).encodePrettily());
      JsonArray own = new JsonArray();
      stories.forEach(st -> own.add(st.toJson()));
      put(zip, "stories.json", new JsonObject().put("stories", own).encodePrettily());
      JsonArray mine = new JsonArray();
      answers.forEach(a -> mine.add(a.toJson()));
      put(zip, "my-answers.json", new JsonObject().put("answers", mine).encodePrettily());
      JsonArray remembered = new JsonArray();
      wordings.forEach(w -> remembered.add(w.toJson()));
      put(zip, "remembered-wordings.json", new JsonObject().put("wordings", remembered).encodePrettily());
      for (UserBanks.Stored b : banks) {
        put(zip, "banks/" + b.bank() + ".json", b.body().encodePrettily()); // bank names are plain identifiers
      }
      JsonArray index = new JsonArray();
      for (int i = 0; i < views.size(); i++) {
        TranscriptView v = views.get(i);
        String dir = "sessions/" + v.session().id() + "/";
        index.add(SessionRoutes.json(v.session()).put("path", dir));
        put(zip, dir + "transcript.json", v.json().encodePrettily());
        put(zip, dir + "transcript.md", v.markdown());
        put(zip, dir + "summary.json", summaries.get(i).encodePrettily());
      }
      put(zip, "sessions.json", new JsonObject().put("sessions", index).encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
