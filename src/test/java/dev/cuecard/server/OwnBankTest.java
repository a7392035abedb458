package dev.cuecard.server;

import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bank editor's API and per-user matching: a user's own banks and cards, checked like bank
 * files (problems name the card and field), private to them, and matched in their own sessions
 * only, the change picked up without a restart.
 */
class OwnBankTest extends ServerTestBase {
  static JsonObject card(String id, String question) {
    return new JsonObject().put("id", id).put("question", question).put("category", "Our stack")
        .put("framework", "TECHNICAL").put("answer", "Walk through the checklist in the order the pipeline runs it.")
        .put("keyPoints", new JsonArray().add(new JsonObject().put("text", "feature flags off before the deploy")
            .put("terms", new JsonArray().add("feature flag"))));
  }

  static JsonObject bank(JsonObject... cards) {
    return new JsonObject().put("bank", "payments-team").put("title", "Payments team questions")
        .put("cards", new JsonArray(java.util.List.of((Object[]) cards)));
  }

  private static final String DEPLOY_Q = "What is the deploy checklist for the payments ledger service?";

  @Test
  void createEditDuplicateDeleteWithChecksThatNameTheField() {
    String token = server.newUser();
    TestServer.Response created = server.call("POST", "/api/my/banks", token, bank(card("ledger-deploy", DEPLOY_Q)));
    assertEquals(201, created.status(), created.body());
    assertEquals(1, created.json().getInteger("cards"));
    assertEquals(409, server.call("POST", "/api/my/banks", token, bank()).status(), "the name is taken");
    JsonArray banks = server.call("GET", "/api/my/banks", token, (String) null).json().getJsonArray("banks");
    assertEquals("payments-team", banks.getJsonObject(0).getString("bank"));

    TestServer.Response bad = server.call("POST", "/api/my/banks/payments-team/cards", token,
        card("ledger-rollback", "How do we roll back the ledger?").put("framework", "SOMETHING"));
    assertEquals(400, bad.status());
    assertEquals("invalid_bank", bad.error());
    assertTrue(bad.json().getJsonArray("problems").getString(0).contains("field 'framework'"), bad.body());
    TestServer.Response clash = server.call("POST", "/api/my/banks/payments-team/cards", token,
        card("py-decorators", "What is a decorator?"));
    assertEquals(400, clash.status());
    assertTrue(clash.json().getString("message").contains("field 'id' is taken"), clash.body());

    TestServer.Response dup = server.call("POST", "/api/my/banks/payments-team/cards/ledger-deploy/duplicate", token,
        "{}");
    assertEquals(201, dup.status(), dup.body());
    assertEquals("ledger-deploy-copy", dup.json().getString("id"));
    TestServer.Response edited = server.call("PUT", "/api/my/banks/payments-team/cards/ledger-deploy-copy", token,
        card("ledger-deploy-copy", "How do we roll back a bad ledger release?"));
    assertEquals(200, edited.status(), edited.body());
    JsonObject stored = server.call("GET", "/api/my/banks/payments-team", token, (String) null).json();
    assertEquals(2, stored.getJsonArray("cards").size());
    assertEquals("How do we roll back a bad ledger release?",
        stored.getJsonArray("cards").getJsonObject(1).getString("question"));

    TestServer.Response bankCopy = server.call("POST", "/api/my/banks/payments-team/duplicate", token, "{}");
    assertEquals(201, bankCopy.status(), bankCopy.body());
    // "-copy" would give ledger-deploy-copy, which the bank already has: the next free suffix
    assertEquals("payments-team-copy-2", bankCopy.json().getString("bank"));
    assertEquals("Payments team questions (copy)", bankCopy.json().getString("title"));
    assertEquals("ledger-deploy-copy-copy-2", server.call("GET", "/api/my/banks/payments-team-copy-2", token,
        (String) null).json().getJsonArray("cards").getJsonObject(1).getString("id"), "ids stay unique");
    JsonObject retitled = stored.copy().put("title", "Payments, renamed");
    assertEquals(200, server.call("PUT", "/api/my/banks/payments-team", token, retitled).status());
    assertEquals("Payments, renamed", server.call("GET", "/api/my/banks", token, (String) null).json()
        .getJsonArray("banks").getJsonObject(0).getString("title"));

    assertEquals(204, server.call("DELETE", "/api/my/banks/payments-team/cards/ledger-deploy-copy", token,
        (String) null).status());
    assertEquals(1, server.call("GET", "/api/my/banks/payments-team", token, (String) null).json()
        .getJsonArray("cards").size());

    String bob = server.newUser();
    assertEquals(404, server.call("GET", "/api/my/banks/payments-team", bob, (String) null).status());
    assertTrue(server.call("GET", "/api/my/banks", bob, (String) null).json().getJsonArray("banks").isEmpty());
    assertEquals(404, server.call("DELETE", "/api/my/banks/payments-team", bob, (String) null).status());
    assertEquals(204, server.call("DELETE", "/api/my/banks/payments-team", token, (String) null).status());
  }

  @Test
  void importAndExportAsMarkdownAndYaml() {
    String token = server.newUser();
    String md = """
        # Payments team questions
        bank: payments-team

        ## What is the deploy checklist for the payments ledger service?
        id: ledger-deploy
        category: Our stack
        framework: technical
        aliases: How do we ship the ledger? | Walk me through a ledger release

        Walk through the checklist in the order the pipeline runs it.

        ### Key points
        - feature flags off before the deploy | feature flag, flags off
        """;
    TestServer.Response imported = server.call("POST", "/api/my/banks?format=md", token, md);
    assertEquals(201, imported.status(), imported.body());
    JsonObject card = server.call("GET", "/api/my/banks/payments-team", token, (String) null).json()
        .getJsonArray("cards").getJsonObject(0);
    assertEquals("TECHNICAL", card.getString("framework"));
    assertEquals(new JsonArray().add("How do we ship the ledger?").add("Walk me through a ledger release"),
        card.getJsonArray("aliases"));
    assertEquals(new JsonArray().add("feature flag").add("flags off"),
        card.getJsonArray("keyPoints").getJsonObject(0).getJsonArray("terms"));

    TestServer.Response yaml = server.call("GET", "/api/my/banks/payments-team?format=yaml", token, (String) null);
    assertEquals(200, yaml.status());
    assertTrue(yaml.contentType().startsWith("application/yaml"), yaml.contentType());
    assertTrue(yaml.body().contains("bank: payments-team"), yaml.body());
    TestServer.Response back = server.call("PUT", "/api/my/banks/payments-team?format=yaml", token, yaml.body());
    assertEquals(200, back.status(), back.body());
    TestServer.Response markdown = server.call("GET", "/api/my/banks/payments-team?format=md", token, (String) null);
    assertTrue(markdown.body().contains("## What is the deploy checklist"), markdown.body());

    TestServer.Response broken = server.call("POST", "/api/my/banks?format=md", token,
        "# x\nbank: other\n\n## Q?\ncolour: blue\n");
    assertEquals(400, broken.status());
    assertTrue(broken.json().getString("message").startsWith("line 5: unknown field 'colour'"), broken.body());
    assertEquals(400, server.call("GET", "/api/my/banks/payments-team?format=docx", token, (String) null).status());
  }

  @Test
  void aUsersCardMatchesInTheirSessionsOnly() {
    String alice = server.newUser();
    String bob = server.newUser();
    assertEquals(201, server.call("POST", "/api/my/banks", alice, bank(card("ledger-deploy", DEPLOY_Q))).status());
    String aliceSession = server.newSession(alice);
    String bobSession = server.newSession(bob);
    String spoken = "so what is the deploy checklist for the payments ledger service";
    try (WsClient a = WsClient.connect(server, alice, aliceSession)) {
      a.snippet("interviewer", "hi there", true, 1); // the room knows its owner; their cards are built meanwhile
      a.next("ack");
      a.snippet("interviewer", spoken, true, 2);
      JsonObject cue = a.next("cue");
      assertEquals("ledger-deploy", cue.getJsonObject("card").getString("id"), cue.encode());
      assertEquals("yours", cue.getString("source"));

      // a new card, added while the session runs, matches at once
      server.call("POST", "/api/my/banks/payments-team/cards", alice,
          card("ledger-reconcile", "How does the nightly ledger reconciliation job work?"));
      a.snippet("interviewer", "and how does the nightly ledger reconciliation job work", true, 3);
      JsonObject next = a.next("cue");
      assertEquals("ledger-reconcile", next.getJsonObject("card").getString("id"), next.encode());
    }
    try (WsClient b = WsClient.connect(server, bob, bobSession)) {
      b.snippet("interviewer", "hi there", true, 1);
      b.next("ack");
      b.snippet("interviewer", spoken, true, 2);
      b.next("ack");
      b.sync();
      for (JsonObject cue : b.seen("cue")) {
        assertNotEquals("ledger-deploy", cue.getJsonObject("card").getString("id"), "never Alice's card");
      }
      assertTrue(!b.seen().toString().contains("Walk through the checklist"), "nothing of Alice's cards");
    }
  }
}
