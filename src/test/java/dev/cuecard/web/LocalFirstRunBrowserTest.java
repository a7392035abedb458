package dev.cuecard.web;

import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * No account wall on your own machine: the first visit to a fresh loopback server offers "Use
 * Cuecard on this computer" and lands in the sessions list; a second browser gets back in through
 * the start-up link with its key, which then leaves the address bar.
 */
@ExtendWith(VertxExtension.class)
class LocalFirstRunBrowserTest {
  @TempDir
  Path dir;

  @Test
  void firstVisitUsesTheLocalAccountAndTheStartUpLinkSignsInAgain(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver first = Browser.start(dir.resolve("first"));
      try {
        WebDriverWait wait = new WebDriverWait(first, Duration.ofSeconds(10));
        first.get(server.base() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("use-local"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("My first mock");
        first.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        assertEquals("local", first.findElement(By.id("who")).getText());
      } finally {
        first.quit();
      }
      ChromeDriver second = Browser.start(dir.resolve("second"));
      try {
        WebDriverWait wait = new WebDriverWait(second, Duration.ofSeconds(10));
        second.get(server.base() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("local-help")));
        assertFalse(second.findElement(By.id("use-local")).isDisplayed(), "no key-less entry once the account exists");
        second.get(server.base() + "/#local=" + server.localKey());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-list"), "My first mock"));
        assertFalse(second.getCurrentUrl().contains("local="), "the key leaves the address bar");
      } finally {
        second.quit();
      }
    }
  }
}
