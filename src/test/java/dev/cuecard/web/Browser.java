package dev.cuecard.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Debian Chromium driven through Debian's chromedriver; never a downloaded browser.
 * Skipped when Chromium is absent, unless REQUIRE_BROWSER_TESTS=1 (as .ci/run sets), where it fails.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {
  }

  /** Chromium with its own profile folder, plus any {@code extraFlags} (fake media, capture auto-selection). */
  static ChromeDriver start(Path profile, String... extraFlags) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && "1".equals(System.getenv("REQUIRE_BROWSER_TESTS"))) {
      throw new IllegalStateException("Chromium and chromedriver are required (apt-get install chromium chromium-driver)");
    }
    Assumptions.assumeTrue(present, "Chromium not installed; browser test skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1000,1500", "--user-data-dir=" + profile.toAbsolutePath());
    options.addArguments(extraFlags);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /** On a fresh loopback server: "Use Cuecard on this computer", then a new session with this title, live. */
  static void startLocalSession(ChromeDriver driver, String base, String title) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get(base + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("use-local"))).click();
    startSession(driver, wait, title);
  }

  /** Creates an account in the overlay's form, then a new session with this title, live. */
  static void registerAndStartSession(ChromeDriver driver, String base, String user, String password, String title) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get(base + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("register")).click();
    startSession(driver, wait, title);
  }

  private static void startSession(ChromeDriver driver, WebDriverWait wait, String title) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys(title);
    driver.findElement(By.id("start")).click();
    wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
  }

  static void screenshot(ChromeDriver driver, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
