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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In real Chromium: the bank editor makes a bank, refuses a card without a question naming the
 * field, saves it, duplicates it, and the card comes up in the user's next session.
 */
@ExtendWith(VertxExtension.class)
class BankEditorBrowserTest {
  @TempDir
  Path dir;

  @Test
  void makeACardAndMeetItInASession(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver driver = Browser.start(dir.resolve("banks-profile"));
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(server.base() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("use-local"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("banks-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bank-name"))).sendKeys("payments-team");
        driver.findElement(By.id("bank-title")).sendKeys("Payments team");
        driver.findElement(By.id("bank-create")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("card-new"))).click();
        driver.findElement(By.id("c-id")).sendKeys("ledger-deploy");
        driver.findElement(By.id("c-category")).sendKeys("Our stack");
        driver.findElement(By.id("c-answer")).sendKeys("Walk through the checklist in the order the pipeline runs it.");
        driver.findElement(By.id("c-points")).sendKeys("feature flags off before the deploy | feature flag");
        driver.findElement(By.id("card-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-error"), "field 'question'"));
        driver.findElement(By.id("c-question")).sendKeys("What is the deploy checklist for the payments ledger service?");
        driver.findElement(By.id("card-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card-list li[data-id=ledger-deploy]")));
        driver.findElement(By.xpath("//li[@data-id='ledger-deploy']//button[text()='Duplicate']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card-list li[data-id=ledger-deploy-copy]")));
        assertTrue(driver.findElement(By.id("bank-list")).getText().contains("Payments team (2 cards)"));
        assertTrue(!driver.findElement(By.id("card-form")).isDisplayed(), "the form closes once the card is saved");
        Browser.screenshot(driver, "bank-editor.png");

        driver.get(server.base() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("Team questions");
        driver.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        driver.findElement(By.id("text")).sendKeys("so what is the deploy checklist for the payments ledger service",
            Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("card"), "data-card-id", "ledger-deploy"));
        assertEquals("What is the deploy checklist for the payments ledger service?",
            driver.findElement(By.cssSelector("#card .question")).getText());
      } finally {
        driver.quit();
      }
    }
  }
}
