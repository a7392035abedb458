package dev.cuecard.web;

import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In real Chromium: a user writes a story in the editor (a missing title is refused, naming the
 * field), is asked the matching behavioural question, sees the story under the card, pins it and
 * watches its points tick as they tell it.
 */
@ExtendWith(VertxExtension.class)
class StoriesBrowserTest {
  @TempDir
  Path dir;

  @Test
  void writeAStoryGetAskedPinItAndTellIt(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver driver = Browser.start(dir.resolve("stories-profile"));
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(server.base() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("use-local"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("story-new"))).click();

        fill(driver, "situation", "Priya and I disagreed about caching the pricing API in Redis before a launch.");
        fill(driver, "task", "I had to get us to one plan within two days.");
        fill(driver, "action", "I wrote both options side by side and proposed a load test to settle it.");
        fill(driver, "result", "The load test favoured her plan with a short TTL and we shipped on time.");
        fill(driver, "metric", "p95 latency fell from 900 ms to 180 ms");
        driver.findElement(By.cssSelector("#story-form input[value=conflict]")).click();
        driver.findElement(By.id("story-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("story-error"), "'title' is required"));
        assertEquals("story-title", driver.switchTo().activeElement().getAttribute("id"), "the field at fault has focus");
        fill(driver, "title", "The caching argument with Priya");
        driver.findElement(By.id("story-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".story-list"),
            "The caching argument with Priya"));
        assertTrue(driver.findElement(By.cssSelector(".story-list")).getText().contains("conflict"));

        driver.findElement(By.id("title")).sendKeys("Behavioural round");
        driver.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        driver.findElement(By.id("text")).sendKeys("tell me about a time you had a conflict with a teammate", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#my-stories li.story")));
        String panel = driver.findElement(By.id("my-stories")).getText();
        assertTrue(panel.contains("The caching argument with Priya") && panel.contains("p95 latency fell from 900 ms"),
            panel);
        driver.findElement(By.cssSelector("#my-stories button.pin")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-stories .story-points"),
            "Told so far: 0 of 5"));

        new Select(driver.findElement(By.id("speaker"))).selectByValue("candidate");
        driver.findElement(By.id("text")).sendKeys("so the load test favoured her plan with a short ttl and we shipped"
            + " on time", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-stories .story-points"),
            "Told so far: 1 of 5"));
        driver.findElement(By.id("text")).sendKeys("and p95 latency went down to 180 milliseconds", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-stories .story-points"),
            "Told so far: 2 of 5"));
        assertEquals(2, driver.findElements(By.cssSelector("#my-stories .story-points li.covered")).size());
        Browser.screenshot(driver, "overlay-story.png");
      } finally {
        driver.quit();
      }
    }
  }

  /** "My answer" on a technical card: written in the overlay, shown beside the card, ticking as said. */
  @Test
  void myAnswerBesideTheCard(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver driver = Browser.start(dir.resolve("mine-profile"));
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        Browser.startLocalSession(driver, server.base(), "My own answers");
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        driver.findElement(By.id("text")).sendKeys("what's the difference between select related and prefetch related",
            Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("mine-edit"))).click();
        driver.findElement(By.id("mine-points")).sendKeys("I cut the orders page from 300 queries to 4\n"
            + "select related for the author foreign key");
        driver.findElement(By.id("mine-phrasing")).sendKeys("Start from the query count, then the fix.");
        driver.findElement(By.id("mine-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-answer"), "Said so far: 0 of 2"));
        new Select(driver.findElement(By.id("speaker"))).selectByValue("candidate");
        driver.findElement(By.id("text")).sendKeys("on our orders page it went from 300 queries to 4", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-answer"), "Said so far: 1 of 2"));
        assertTrue(driver.findElement(By.id("my-answer")).getText().contains("Start from the query count"));
        Browser.screenshot(driver, "overlay-my-answer.png");
      } finally {
        driver.quit();
      }
    }
  }

  private static void fill(ChromeDriver driver, String field, String text) {
    driver.findElement(By.id("story-" + field)).clear();
    driver.findElement(By.id("story-" + field)).sendKeys(text);
  }
}
