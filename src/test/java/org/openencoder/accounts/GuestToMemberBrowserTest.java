package org.openencoder.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.Chromium;
import org.openencoder.testing.MeteredSite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser, with the default quotas: a guest reads one code page, is gated on the second,
 * registers, verifies the email, reads five more and is gated on the seventh.
 */
class GuestToMemberBrowserTest {

  private static final MeteredSite SITE = MeteredSite.get();

  private static WebDriver browser;

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aGuestRegistersForFiveMoreCodePagesAndIsGatedOnTheSeventh() {
    List<String> codes = SITE.codes(320).subList(300, 307);
    open(codes.get(0));
    assertThat(gated()).isFalse();
    assertThat(browser.findElement(By.id("meter")).getText())
        .startsWith("0 code page views remaining");

    open(codes.get(1));
    assertThat(gated()).isTrue();
    assertThat(browser.findElement(By.id("descriptor")).getText()).isNotBlank();
    browser.findElement(By.id("gate-register")).click();

    String email = "browser-" + UUID.randomUUID() + "@example.org";
    String password = "correct horse battery";
    wait(By.id("register-submit"));
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("register-submit")).click();
    assertThat(wait(By.id("notice-title")).getText()).isEqualTo("Check your email");

    browser.get(SITE.linkMailedTo(email, 1));
    assertThat(wait(By.id("notice-title")).getText()).isEqualTo("Email verified");
    browser.findElement(By.id("notice-login")).click();
    wait(By.id("login-submit"));
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
    wait(By.id("account-link"));

    // The page read as a guest is one of the member's six; codes 2 to 6 are the five more.
    for (int i = 1; i <= 5; i++) {
      open(codes.get(i));
      assertThat(gated()).as("view %d", i + 1).isFalse();
      assertThat(browser.findElement(By.id("meter")).getText())
          .startsWith((5 - i) + " code page view");
    }
    open(codes.get(6));
    assertThat(gated()).isTrue();
    assertThat(browser.findElements(By.id("gate-upgrade"))).hasSize(1);
  }

  private static void open(String code) {
    browser.get(SITE.url("/codes/icd10cm/" + code));
    wait(By.id("code"));
  }

  private static boolean gated() {
    return !browser.findElements(By.id("gate")).isEmpty();
  }

  private static org.openqa.selenium.WebElement wait(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
