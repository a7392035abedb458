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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In real Chromium: after a short practice, Drill in the overlay asks the question answered worst
 * (handed to the browser's speech synthesis where the device has a local voice); the review page
 * lists what to drill and the coverage per topic.
 */
@ExtendWith(VertxExtension.class)
class DrillBrowserTest {
  @TempDir
  Path dir;

  @Test
  void drillTheWorstAnswerAndSeeProgress(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver driver = Browser.start(dir.resolve("drill-profile"));
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        Browser.startLocalSession(driver, server.base(), "Practice");
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        say(driver, "interviewer", "what is the n plus one query problem and how do you fix it in django");
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "orm-n-plus-one"));
        say(driver, "candidate", "one query for the list then one query per row in a loop, find it with the debug"
            + " toolbar or assertnumqueries, fix it with select_related or prefetch_related or annotate the count,"
            + " and a regression test guards it");
        say(driver, "interviewer", "what is the gil in python");
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "py-gil"));
        say(driver, "candidate", "some kind of lock i think");
        say(driver, "interviewer", "okay thanks let us move on to the decorators now");
        say(driver, "interviewer", "what is a decorator in python");
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "py-decorators"));
        Thread.sleep(500); // the finished answers are stored after their acks

        driver.findElement(By.id("drill")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "py-gil"));
        List<?> asked = (List<?>) driver.executeScript("return window.cuecard.drill.asked");
        assertEquals(List.of("What is the GIL and how does it affect concurrency in Python?"), asked,
            "the drill question, handed to speech synthesis where the device has a local voice");
        assertTrue((Boolean) driver.executeScript("return 'speechSynthesis' in window"));

        driver.get(server.base() + "/review.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drill-next"), "GIL"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "Django ORM"));
        Browser.screenshot(driver, "review-drills.png");
      } finally {
        driver.quit();
      }
    }
  }

  private static void say(ChromeDriver driver, String speaker, String text) {
    new Select(driver.findElement(By.id("speaker"))).selectByValue(speaker);
    driver.findElement(By.id("text")).sendKeys(text, Keys.ENTER);
  }
}
