package dev.cuecard.web;

import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlay hearing a real call: a second tab titled "Mock call" plays an interviewer's voice
 * (a WAV made by espeak-ng); "Listen to call" shares it through the real getDisplayMedia path
 * (Chromium picks the tab by its title); the mic is the candidate. The page's recogniser is the
 * one stand-in ({@code replay-recognition.js}: Debian's Chromium has no speech service), driven
 * by the test; it checks that it was handed the call tab's live audio track and measures its sound.
 */
@ExtendWith(VertxExtension.class)
class CallListeningBrowserTest {
  private static final String QUESTION = "so what's the difference between select related and prefetch related";

  @TempDir
  Path dir;

  @Test
  void interviewerFromTheCallTabAndCandidateFromTheMicBothRecognisedOnThisDevice(Vertx vertx) throws Exception {
    Path wav = mockCallWav();
    inOverlay(vertx, true, driver -> openCallTab(driver, wav), (driver, wait, server, session) -> {
      // the real browser says the on-device pack can be downloaded: the page offers it first
      driver.findElement(By.id("mic")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("speech-ask")));
      assertTrue(driver.findElement(By.id("speech-ask-text")).getText().contains("on this device"));
      driver.findElement(By.id("speech-yes")).click();
      wait.until(ExpectedConditions.textToBe(By.id("mic-mode"), "on this device"));

      driver.findElement(By.id("call")).click();
      wait.until(ExpectedConditions.textToBe(By.id("call-mode"), "on this device"));
      List<Map<String, Object>> starts = starts(driver);
      assertEquals(2, starts.size(), starts.toString());
      for (Map<String, Object> s : starts) {
        assertEquals(true, s.get("processLocally"), "on-device recognition asked for: " + s);
        assertEquals("on this device", s.get("indicator"), "the mode was shown before listening began: " + s);
        assertEquals(true, s.get("interimResults"));
      }
      assertEquals("mic", starts.get(0).get("source"));
      assertEquals("call", starts.get(1).get("source"));
      assertEquals("Tab audio", starts.get(1).get("trackLabel"), "the shared tab's own audio track");
      wait.until(d -> starts(driver).get(1).get("level") != null);
      assertTrue(((Number) starts(driver).get(1).get("level")).doubleValue() > 0.01,
          "the mock call's voice arrives on the track: " + starts(driver).get(1));
      assertEquals(1, ((List<?>) driver.executeScript("return window.__replay.installs")).size());

      // the interviewer asks through the call; the card comes up while the question is still going,
      // from an interim result that came too soon after the one before to be sent at once (it is
      // sent when the 150 ms limit ends: the words heard as a speaker stops always reach the server)
      say(driver, "call", "so what's the", false);
      say(driver, "call", "so what's the difference between select related and", false);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card .question"), "select_related"));
      say(driver, "call", QUESTION, true);
      // the candidate answers into the mic: coverage ticks
      say(driver, "mic", "select related follows the foreign key with a sql join in one query", true);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card .points li.covered")));

      // the candidate's voice comes back through the call a moment later: kept once, as theirs
      say(driver, "mic", "at my last job we moved the", false);
      Thread.sleep(250);
      say(driver, "call", "at my last job we moved the", false);
      Thread.sleep(250);
      say(driver, "mic", "at my last job we moved the nightly reports to celery workers", true);
      say(driver, "call", "at my last job we moved the nightly report to celery workers", true);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript li.echo:not(.interim) .merged")));
      assertEquals("echo of you, merged",
          driver.findElement(By.cssSelector("#transcript li.echo:not(.interim) .merged")).getText());
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 1950)); // the transcript too
      Browser.screenshot(driver, "overlay-two-channels.png");

      JsonArray items = server.call("GET", "/api/sessions/" + session + "/transcript", localToken(server),
          (String) null).json().getJsonArray("items");
      List<String> lines = items.stream().map(o -> (JsonObject) o).filter(o -> "utterance".equals(o.getString("kind")))
          .map(o -> o.getString("speaker") + (o.getString("echoOf") == null ? "" : "(echo)") + ": " + o.getString("text"))
          .toList();
      assertEquals(List.of(
          "interviewer: " + QUESTION,
          "candidate: select related follows the foreign key with a sql join in one query",
          "candidate: at my last job we moved the nightly reports to celery workers",
          "interviewer(echo): at my last job we moved the nightly report to celery workers"), lines);
      assertEquals(1, items.stream().filter(o -> "cue".equals(((JsonObject) o).getString("kind"))).count(),
          "the echo brought no card: " + items.encode());
    });
  }

  @Test
  void cloudRecognitionIsAskedOnceAndARefusalSendsNoAudioAnywhere(Vertx vertx) throws Exception {
    inOverlay(vertx, true, driver -> { }, (driver, wait, server, session) -> {
      driver.executeScript("window.__replay.availability = 'unavailable'"); // no on-device recogniser here

      driver.findElement(By.id("mic")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("speech-ask")));
      assertTrue(driver.findElement(By.id("speech-ask-text")).getText().contains("cloud service"));
      driver.findElement(By.id("speech-no")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speech-msg"), "cloud recognition is off"));
      assertEquals("off", driver.findElement(By.id("mic-mode")).getText());
      assertEquals("refuse", driver.findElement(By.id("cloud-policy")).getAttribute("value"), "the answer is remembered");

      // asked once: after a reload the refusal stands without a question
      driver.navigate().refresh();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#session-list button"))).click();
      wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
      driver.executeScript("window.__replay.availability = 'unavailable'");
      driver.findElement(By.id("mic")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speech-msg"), "cloud recognition is off"));
      assertFalse(driver.findElement(By.id("speech-ask")).isDisplayed());
      assertTrue(starts(driver).isEmpty(), "no recogniser started, so no audio went anywhere");

      // allowed in the settings: the indicator says where the audio goes before it goes
      driver.findElement(By.id("speech-settings")).click();
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("cloud-policy"))).selectByValue("allow");
      driver.findElement(By.id("mic")).click();
      wait.until(ExpectedConditions.textToBe(By.id("mic-mode"), "the browser's cloud service"));
      Map<String, Object> start = starts(driver).get(0);
      assertEquals(false, start.get("processLocally"));
      assertEquals("the browser's cloud service", start.get("indicator"));
      Browser.screenshot(driver, "overlay-cloud-mode.png");
    });
  }

  @Test
  void aBrowserThatCannotRecogniseATrackSaysSoAndOffersTheAlternatives(Vertx vertx) throws Exception {
    inOverlay(vertx, true, driver -> { }, (driver, wait, server, session) -> {
      driver.executeScript("window.__replay.trackless = true");
      driver.findElement(By.id("call")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speech-msg"), "cannot transcribe a call tab"));
      assertTrue(driver.findElement(By.id("speech-msg")).getText().contains("partner console"));
      assertEquals("off", driver.findElement(By.id("call-mode")).getText());
      assertTrue(starts(driver).stream().noneMatch(s -> "call".equals(s.get("source"))));
    });
  }

  /** No stand-in at all: the real Chromium's own answers drive the questions, and nothing starts unasked. */
  @Test
  void theRealBrowserIsAskedWhereRecognitionRunsBeforeAnythingListens(Vertx vertx) throws Exception {
    inOverlay(vertx, false, driver -> { }, (driver, wait, server, session) -> {
      driver.findElement(By.id("mic")).click();
      // Debian's Chromium can download an on-device pack (it cannot here: no network), else only its cloud
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speech-ask-text"), "download"));
      driver.findElement(By.id("speech-no")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speech-ask-text"), "cloud service"));
      driver.findElement(By.id("speech-no")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speech-msg"), "cloud recognition is off"));
      assertEquals("off", driver.findElement(By.id("mic-mode")).getText());
      assertEquals("Start mic", driver.findElement(By.id("mic")).getText());
    });
  }

  interface Before {
    void run(ChromeDriver driver) throws Exception;
  }

  interface Scenario {
    void run(ChromeDriver driver, WebDriverWait wait, TestServer server, String session) throws Exception;
  }

  /**
   * Runs a scenario in the overlay of a fresh server and browser (fake media, the "Mock call" tab
   * picked for sharing, autoplay allowed), signed in and in a new session; with the recogniser
   * stand-in unless {@code replay} is false. {@code before} runs first (opening the call tab).
   */
  private void inOverlay(Vertx vertx, boolean replay, Before before, Scenario scenario) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver driver = Browser.start(dir.resolve("profile"), "--use-fake-device-for-media-stream",
          "--auto-select-tab-capture-source-by-title=Mock call", "--autoplay-policy=no-user-gesture-required");
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        before.run(driver);
        scenario.run(driver, wait, server, openOverlay(driver, wait, server, replay));
      } finally {
        driver.quit();
      }
    }
  }

  /** Signs in with the local account and starts a session; with the recogniser stand-in unless {@code replay} is false. */
  private String openOverlay(ChromeDriver driver, WebDriverWait wait, TestServer server, boolean replay) throws IOException {
    if (replay) {
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", replayScript()));
    }
    Browser.startLocalSession(driver, server.base(), "Call with Sam");
    return (String) driver.executeScript("return window.cuecard.session.id");
  }

  /** The interviewer's tab of the video call: its voice, playing in a loop. */
  private static void openCallTab(ChromeDriver driver, Path wav) throws IOException {
    String audio = Base64.getEncoder().encodeToString(Files.readAllBytes(wav));
    driver.get("data:text/html,<title>Mock call</title><audio autoplay loop src='data:audio/wav;base64," + audio
        + "'></audio>");
    driver.switchTo().newWindow(WindowType.TAB);
  }

  private Path mockCallWav() throws Exception {
    boolean present = Files.isExecutable(Path.of("/usr/bin/espeak-ng"));
    if (!present && "1".equals(System.getenv("REQUIRE_BROWSER_TESTS"))) {
      throw new IllegalStateException("espeak-ng is required (apt-get install espeak-ng)");
    }
    Assumptions.assumeTrue(present, "espeak-ng not installed; call test skipped");
    Path wav = dir.resolve("call.wav");
    Process p = new ProcessBuilder("espeak-ng", "-w", wav.toString(), QUESTION).inheritIO().start();
    assertEquals(0, p.waitFor());
    return wav;
  }

  private static String replayScript() throws IOException {
    try (InputStream in = CallListeningBrowserTest.class.getResourceAsStream("/web/replay-recognition.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The local account's token, as the start-up link gives it. */
  private static String localToken(TestServer server) {
    return server.call("POST", "/api/auth/local", null, new JsonObject().put("key", server.localKey()))
        .json().getString("token");
  }

  private static void say(ChromeDriver driver, String source, String text, boolean isFinal) {
    driver.executeScript("window.__replay.say(arguments[0], arguments[1], arguments[2])", source, text, isFinal);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> starts(ChromeDriver driver) {
    return (List<Map<String, Object>>) driver.executeScript("return window.__replay.starts");
  }
}
