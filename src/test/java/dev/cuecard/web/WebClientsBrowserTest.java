package dev.cuecard.web;

import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three web clients in real headless Chromium against the real server: the candidate's
 * overlay, a partner joining from an invite link in a second browser, and the review page.
 */
@ExtendWith(VertxExtension.class)
class WebClientsBrowserTest {
  @TempDir
  Path dir;

  @Test
  void overlayPartnerAndReview(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver candidate = Browser.start(dir.resolve("candidate-profile"));
      ChromeDriver partner = null;
      try {
        WebDriverWait wait = new WebDriverWait(candidate, Duration.ofSeconds(10));
        Browser.registerAndStartSession(candidate, server.base(), "sam.candidate", "a long password", "Mock with Alex");

        // solo: type the interviewer's question, then answer and watch the points tick
        WebElement input = candidate.findElement(By.id("text"));
        input.sendKeys("so what's the difference between select related and prefetch related", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#card[data-card-id='orm-select-vs-prefetch']")));
        // stuck? the a key opens the opening line and the model answer, folded away by default
        assertTrue(candidate.findElements(By.cssSelector("#card details.answer-help[open]")).isEmpty());
        candidate.findElement(By.tagName("body")).click();
        candidate.findElement(By.tagName("body")).sendKeys("a");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#card details.answer-help[open] .opening")));
        assertEquals("Both cut N+1 queries by loading related rows up front.",
            candidate.findElement(By.cssSelector("#card .answer-help .opening")).getText());
        assertTrue(candidate.findElement(By.cssSelector("#card .answer-help .model-answer")).getText().contains("prefetch_related"));
        candidate.findElement(By.tagName("body")).sendKeys("a");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#card .answer-help .opening")));
        new Select(candidate.findElement(By.id("speaker"))).selectByValue("candidate");
        input.sendKeys("select related is a way to follow a foreign key with a sql join in a single query", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#card .points li.covered")).size() >= 2);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card .steps li.reached")));
        candidate.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(candidate, "overlay.png");

        // the interviewer follows up with one of the card's own follow-ups: it shows inside the card,
        // with a link to the card that answers it
        new Select(candidate.findElement(By.id("speaker"))).selectByValue("interviewer");
        input.sendKeys("how would you spot an n plus one problem in production", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#card[data-card-id='orm-select-vs-prefetch'] .followup[data-kind='listed'] button.link")));
        assertTrue(candidate.findElement(By.cssSelector("#card .followup")).getText()
            .contains("How would you spot an N+1 problem in production?"));
        assertTrue(candidate.findElements(By.cssSelector("#card .points li.covered")).size() >= 2,
            "the follow-up keeps the answer's coverage");
        Browser.screenshot(candidate, "overlay-followup.png");
        new Select(candidate.findElement(By.id("speaker"))).selectByValue("candidate");

        // a dropped connection: what is typed meanwhile is kept and sent after the automatic reconnect
        candidate.executeScript("window.cuecard.live.ws.close()");
        input.sendKeys("and prefetch related runs a second query", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"),
            "and prefetch related runs a second query"));
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));

        // keyboard: Esc dismisses the card, n brings the newest back
        candidate.findElement(By.tagName("body")).click();
        candidate.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card.empty")));
        candidate.findElement(By.tagName("body")).sendKeys(".");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pinned")));
        candidate.findElement(By.tagName("body")).sendKeys(".");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card[data-card-id]")));

        // invite a partner, who opens the link in a separate browser with no account
        candidate.findElement(By.id("invite")).click();
        String link = wait.until(d -> {
          String v = d.findElement(By.id("invite-url")).getAttribute("value");
          return v != null && v.contains("#invite=") ? v : null;
        });
        partner = Browser.start(dir.resolve("partner-profile"));
        WebDriverWait pwait = new WebDriverWait(partner, Duration.ofSeconds(10));
        partner.get(link);
        pwait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        pwait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card[data-card-id='orm-select-vs-prefetch']")));
        pwait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card .followup[data-kind='listed']")));
        partner.findElement(By.id("q")).sendKeys("background jobs celery");
        WebElement ask = pwait.until(ExpectedConditions.elementToBeClickable(
            By.cssSelector("#questions li[data-card-id='design-celery'] button.ask")));
        ask.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card[data-card-id='design-celery']")));
        input.sendKeys("i'd offload slow work to a celery worker with redis as the broker", Keys.ENTER);
        pwait.until(d -> d.findElements(By.cssSelector("#card .points li.covered")).size() >= 2);
        partner.findElement(By.id("rate-note")).sendKeys("name the retry strategy");
        partner.findElement(By.cssSelector(".score[data-score='4']")).click();
        pwait.until(ExpectedConditions.textToBe(By.id("status"), "Rated 4/5"));
        partner.findElement(By.id("note")).sendKeys("good structure", Keys.ENTER);
        pwait.until(ExpectedConditions.textToBe(By.id("status"), "Note saved"));
        partner.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(partner, "partner.png");

        // the interviewer moves on, closing the answer; then review the session
        new Select(candidate.findElement(By.id("speaker"))).selectByValue("interviewer");
        input.sendKeys("thanks that's all the questions i have for today", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#transcript li")).size() >= 5);
        candidate.findElement(By.id("review-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#session-list li a"))).click();
        // the first answer, the reply to the follow-up (coached as its own answer on the card), the Celery answer
        wait.until(d -> d.findElements(By.cssSelector(".answers li.answer")).size() == 3);
        assertTrue(candidate.findElement(By.cssSelector(".answers")).getText().contains("Partner: 4/5 — name the retry strategy"));
        assertTrue(candidate.findElement(By.cssSelector(".timeline")).getText().contains("Note: good structure"));
        // the follow-up is kept in the timeline as one, on its card
        assertTrue(candidate.findElement(By.cssSelector(".timeline li.followup")).getText().startsWith("Follow-up: "));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart svg rect")));
        candidate.findElement(By.id("search")).sendKeys("redis", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "celery worker with redis"));
        candidate.findElement(By.id("export-md")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("export"), "**Interviewer:**"));
        candidate.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(candidate, "review.png");

        candidate.executeScript("window.confirm = () => true");
        candidate.findElement(By.id("delete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "Session deleted."));
        assertEquals(0, candidate.findElements(By.cssSelector("#session-list li")).size());
      } finally {
        candidate.quit();
        if (partner != null) {
          partner.quit();
        }
      }
    }
  }

  /**
   * A question no card answers: a fallback with structure and related cards, one click from a real
   * card; a card's alternatives are one click away too.
   */
  @Test
  void aQuestionWithNoCardGetsAFallbackWithRelatedCards(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver candidate = Browser.start(dir.resolve("fallback-profile"));
      try {
        WebDriverWait wait = new WebDriverWait(candidate, Duration.ofSeconds(10));
        Browser.startLocalSession(candidate, server.base(), "Unseen questions");
        candidate.findElement(By.id("text")).sendKeys("what does the ellipsis object do in python", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card.fallback .fallback-note")));
        assertEquals("what does the ellipsis object do in python",
            candidate.findElement(By.cssSelector("#card .question")).getText());
        assertEquals(4, candidate.findElements(By.cssSelector("#card .steps li")).size());
        assertEquals(0, candidate.findElements(By.cssSelector("#card .heard")).size(), "the question is what was heard");
        assertTrue(candidate.findElement(By.id("card")).getText().startsWith("No card for this question yet"),
            candidate.findElement(By.id("card")).getText());
        assertEquals(1, candidate.findElements(By.cssSelector("#card .related li.closest")).size(), "the nearest card is marked");
        Browser.screenshot(candidate, "overlay-fallback.png");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#card .related button"))).click();
        wait.until(d -> {
          String id = d.findElement(By.id("card")).getAttribute("data-card-id");
          return id != null && !id.startsWith("fallback:");
        });

        // a card shows the next cards of its ranking, in case it is a neighbour of the question asked
        candidate.findElement(By.id("text")).sendKeys("what is the difference between a process and a thread", Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "cs-process-thread"));
        WebElement alternative = wait.until(ExpectedConditions.elementToBeClickable(
            By.cssSelector("#card .alternatives button")));
        assertTrue(candidate.findElement(By.cssSelector("#card .alternatives")).getText().startsWith("Not this one?"));
        Browser.screenshot(candidate, "overlay-alternatives.png");
        String other = alternative.getAttribute("data-card-id");
        alternative.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", other));

        // the correction is remembered: listed under Banks, and the same words bring that card from now on
        String overlay = candidate.getWindowHandle();
        candidate.switchTo().newWindow(WindowType.TAB).get(server.base() + "/banks.html");
        String banks = candidate.getWindowHandle();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("remembered"),
            "what is the difference between a process and a thread"));
        assertTrue(candidate.findElement(By.id("remembered")).getText()
            .contains("what does the ellipsis object do in python"), "the fallback's correction too");
        candidate.switchTo().window(overlay);
        candidate.findElement(By.id("text")).sendKeys("what is a python decorator", Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "py-decorators"));
        candidate.findElement(By.id("text")).sendKeys("what is the difference between a process and a thread", Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", other));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#card .remembered-note")));
        // forgotten under Banks: the bank's own card again
        candidate.switchTo().window(banks);
        candidate.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#remembered li")).stream()
            .filter(li -> li.getText().contains("process and a thread")).findFirst().orElse(null))
            .findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("remembered"),
            "process and a thread")));
        candidate.close();
        candidate.switchTo().window(overlay);

        // the same question again, and its second neighbour by its key
        candidate.findElement(By.id("text")).sendKeys("what is the difference between a process and a thread", Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "cs-process-thread"));
        List<WebElement> both = wait.until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#card .alternatives button"), 2));
        assertEquals("2", both.get(1).findElement(By.tagName("kbd")).getText(), "numbered for its key");
        String second = both.get(1).getAttribute("data-card-id");
        candidate.findElement(By.id("text")).sendKeys(Keys.ESCAPE); // out of the text box: keys are shortcuts again
        candidate.findElement(By.tagName("body")).sendKeys("2");
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", second));
      } finally {
        candidate.quit();
      }
    }
  }

  /**
   * After the fact: the review's timeline offers the bank's nearest cards for a question's words,
   * and the one picked is what those words bring in the next question.
   */
  @Test
  void aWrongCardIsCorrectedFromTheReview(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver candidate = Browser.start(dir.resolve("correct-profile"));
      try {
        WebDriverWait wait = new WebDriverWait(candidate, Duration.ofSeconds(10));
        Browser.startLocalSession(candidate, server.base(), "Corrected afterwards");
        String asked = "what is the difference between a process and a thread";
        candidate.findElement(By.id("text")).sendKeys(asked, Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "cs-process-thread"));
        // an answer, closed by the interviewer moving on, so the review has one to score again
        new Select(candidate.findElement(By.id("speaker"))).selectByValue("candidate");
        candidate.findElement(By.id("text")).sendKeys(
            "only one thread runs python bytecode at a time so i would use multiprocessing for cpu bound work", Keys.ENTER);
        new Select(candidate.findElement(By.id("speaker"))).selectByValue("interviewer");
        candidate.findElement(By.id("text")).sendKeys("okay thanks let's move on to something else", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#transcript li")).size() >= 3);

        String overlay = candidate.getWindowHandle();
        candidate.switchTo().newWindow(WindowType.TAB).get(server.base() + "/review.html");
        // the answer is stored as the interviewer moves on, just after the line is shown: open the session until it is there
        wait.until(d -> {
          d.findElement(By.cssSelector("#session-list li a")).click();
          return !d.findElements(By.cssSelector(".answers li.answer")).isEmpty();
        });
        WebElement cue = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".timeline li.cue[data-card-id='cs-process-thread']")));
        cue.findElement(By.cssSelector(".correction button")).click();
        WebElement pick = wait.until(ExpectedConditions.elementToBeClickable(
            By.cssSelector(".timeline .correction .picks button")));
        assertEquals(asked, cue.findElement(By.cssSelector(".correction input")).getAttribute("value"),
            "the search starts from the words heard");
        String picked = pick.getAttribute("data-card-id");
        assertTrue(picked != null && !picked.equals("cs-process-thread"), "the card shown is not offered: " + picked);
        candidate.executeScript("arguments[0].scrollIntoView()", cue);
        Browser.screenshot(candidate, "review-correction.png");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".answers li.answer .question"),
            "What is the difference between a process and a thread?"));
        pick.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".timeline .correction .remembered-note"), "Remembered: “" + asked + "” now brings"));
        assertTrue(candidate.findElement(By.cssSelector(".timeline .correction .remembered-note")).getText()
            .contains("Your answer is now scored against it"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".answers li.answer .question"),
            "(corrected after the session)"));
        assertEquals(picked, candidate.findElement(By.cssSelector(".answers li.answer")).getAttribute("data-card-id"));
        candidate.close();

        candidate.switchTo().window(overlay);
        candidate.findElement(By.id("text")).sendKeys("what is a python decorator", Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "py-decorators"));
        candidate.findElement(By.id("text")).sendKeys(asked, Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", picked));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#card .remembered-note")));
      } finally {
        candidate.quit();
      }
    }
  }
}
