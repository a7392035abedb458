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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlay under its Content-Security-Policy in real Chromium: no violation on any page, the
 * Picture-in-Picture pop-out still styled and live, and the account controls (change password,
 * export, sign out everywhere closing the open session, delete account) working end to end.
 */
@ExtendWith(VertxExtension.class)
class AccountAndPolicyBrowserTest {
  /** Records CSP violations from the first byte of every document (CDP-injected scripts are exempt from CSP). */
  private static final String WATCH = "window.__csp = []; document.addEventListener('securitypolicyviolation',"
      + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  private static List<String> violations(ChromeDriver d) {
    return (List<String>) d.executeScript("return window.__csp || ['watcher missing']");
  }

  @Test
  void overlayWorksUnderItsPolicyAndTheAccountCanBeManaged(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ChromeDriver d = Browser.start(dir.resolve("profile"));
      try {
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        for (String page : List.of("/review.html", "/partner.html")) {
          d.get(server.base() + page);
          wait.until(x -> "complete".equals(d.executeScript("return document.readyState")));
          assertEquals(List.of(), violations(d), page);
        }
        Browser.registerAndStartSession(d, server.base(), "pat.policy", "first long phrase", "Under CSP");
        d.findElement(By.id("text")).sendKeys("what is a python decorator\n");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card[data-card-id='py-decorators']")));
        // a topic typed alone is asked (the overlay marks typed snippets; spoken, this one would bring nothing)
        d.findElement(By.id("text")).sendKeys("mixins in python\n");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card[data-card-id='django-cbv-mixins']")));

        // Document Picture-in-Picture: the card moves into the pop-out with the page's stylesheet, under the same policy
        boolean pipSupported = (Boolean) d.executeScript("return 'documentPictureInPicture' in window");
        assertTrue(pipSupported, "Chromium 116+ has Document Picture-in-Picture");
        {
          d.findElement(By.id("popout")).click();
          wait.until(x -> (Boolean) d.executeScript("const w = documentPictureInPicture.window;"
              + " return !!w && !!w.document.querySelector('#card[data-card-id]')"
              + " && w.document.styleSheets.length > 0 && w.document.styleSheets[0].cssRules.length > 0"));
          String border = (String) d.executeScript("const w = documentPictureInPicture.window;"
              + " return w.getComputedStyle(w.document.querySelector('#card')).borderTopStyle");
          assertTrue(!"none".equals(border), "the pop-out is styled by style.css: border " + border);
          d.executeScript("documentPictureInPicture.window.close()");
          wait.until(x -> (Boolean) d.executeScript("return !!document.querySelector('#card-wrap #card')"
              + " && document.getElementById('card-wrap').parentElement.id === 'live'"));
        }
        assertEquals(List.of(), violations(d), "no CSP violation in the overlay");

        // account: change the password (the session's socket is closed and the overlay signs out), sign in again
        d.findElement(By.id("leave")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account"))).findElement(By.tagName("summary"))
            .click();
        d.findElement(By.id("pw-current")).sendKeys("first long phrase");
        d.findElement(By.id("pw-new")).sendKeys("second long phrase");
        d.findElement(By.id("pw-change")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-msg"), "Password changed"));
        assertEquals(200, server.call("GET", "/api/me", (String) d.executeScript(
            "return localStorage.getItem('cuecard.token')"), (String) null).status(), "the new token is kept");

        d.findElement(By.id("export")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-msg"), "downloaded"));

        // sign out everywhere from another device while this one is live: the open session ends
        d.findElement(By.cssSelector("#session-list button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        String other = server.call("POST", "/api/auth/login", null, new io.vertx.core.json.JsonObject()
            .put("username", "pat.policy").put("password", "second long phrase")).json().getString("token");
        assertEquals(204, server.call("POST", "/api/auth/logout-all", other, (String) null).status());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("auth-error")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-error"), "signed out"));

        // sign in again and delete the account
        d.executeScript("document.getElementById('username').value = 'pat.policy'");
        d.findElement(By.id("password")).sendKeys("second long phrase");
        d.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account")));
        d.executeScript("document.getElementById('account').open = true"); // it may still be open from before
        d.findElement(By.id("delete-start")).click();
        d.findElement(By.id("delete-pw")).sendKeys("second long phrase");
        d.findElement(By.id("delete-account")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-error"), "deleted"));
        assertEquals(401, server.call("POST", "/api/auth/login", null, new io.vertx.core.json.JsonObject()
            .put("username", "pat.policy").put("password", "second long phrase")).status());
        assertEquals(List.of(), violations(d), "no CSP violation anywhere");
      } finally {
        d.quit();
      }
    }
  }
}
