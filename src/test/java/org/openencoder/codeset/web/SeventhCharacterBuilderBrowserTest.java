package org.openencoder.codeset.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.Chromium;
import org.openencoder.testing.RunningApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A coder opens a code page in a real browser and builds a full code with the 7th character. */
class SeventhCharacterBuilderBrowserTest extends RunningApplication {

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
  void buildsAFullCodeFromTheTabularListDefinition() {
    browser.get(url("/codes/icd10cm/S52.521?date=2021-05-01"));
    assertThat(browser.findElement(By.id("code")).getText()).isEqualTo("S52.521");
    assertThat(browser.findElement(By.id("descriptor")).getText())
        .isEqualTo("Torus fracture of lower end of right radius");

    new Select(browser.findElement(By.id("seventh-character"))).selectByValue("A");

    String built =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("built-code")))
            .getText();
    assertThat(built).contains("S52.521A").contains("initial encounter for closed fracture");

    browser.findElement(By.cssSelector("#built-code a")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("code"), "S52.521A"));
    assertThat(browser.findElement(By.id("descriptor")).getText())
        .isEqualTo(
            "Torus fracture of lower end of right radius, initial encounter for closed fracture");
  }

  @Test
  void padsShortCodesWithThePlaceholderX() {
    browser.get(url("/codes/icd10cm/T07"));
    new Select(browser.findElement(By.id("seventh-character"))).selectByValue("D");
    String built =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("built-code")))
            .getText();
    // FY2026 has no Tabular List here: the choices come from its order file's full codes.
    assertThat(built).contains("T07.XXXD").contains("subsequent encounter");
  }
}
