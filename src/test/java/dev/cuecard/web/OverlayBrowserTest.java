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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The minimal overlay in real headless Chromium: sign up, start a session, type a question, see the card. */
@ExtendWith(VertxExtension.class)
class OverlayBrowserTest {
  @TempDir
  Path dir;

  @Test
  void typedQuestionShowsItsCueCard(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver driver = Browser.start(dir.resolve("profile"));
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(server.base() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("browser.user");
        driver.findElement(By.id("password")).sendKeys("a long password");
        driver.findElement(By.id("register")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("Mock with Sam");
        driver.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));

        WebElement input = driver.findElement(By.id("text"));
        input.sendKeys("so what's the difference between select related and prefetch related", Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#card[data-card-id='orm-select-vs-prefetch']")));
        assertTrue(card.findElement(By.className("question")).getText().contains("select_related"));
        List<WebElement> points = card.findElements(By.cssSelector(".points li"));
        assertTrue(points.size() >= 3, "key points shown");
        assertEquals(List.of("Definition", "How it works", "Example", "Trade-off"),
            card.findElements(By.cssSelector(".steps li")).stream().map(WebElement::getText).toList());

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("speaker"))).selectByValue("candidate");
        input.sendKeys("select related uses a join and prefetch related runs a second query", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#transcript li")).size() == 2);
        assertEquals("orm-select-vs-prefetch", card.getAttribute("data-card-id"), "candidate speech keeps the card");
        driver.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(driver, "overlay.png");

        // a reload keeps the sign-in and the session list
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-list"), "Mock with Sam"));
      } finally {
        driver.quit();
      }
    }
  }
}
