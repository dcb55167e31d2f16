package org.openencoder.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openencoder.testing.Chromium;
import org.openencoder.testing.RunningApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A coder searches from the header box with the keyboard, and narrows the search page. */
class SearchBrowserTest extends RunningApplication {

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

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  private static WebElement headerBox() {
    return browser.findElement(By.id("site-search-q"));
  }

  @Test
  void typingInTheHeaderBoxSuggestsCodesAndArrowDownEnterOpensOne() {
    browser.get(url("/"));
    headerBox().sendKeys("pneum");
    WebElement list =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search-list")));
    List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
    assertThat(options).hasSizeGreaterThan(1);
    assertThat(headerBox().getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(options.get(0).getText()).containsIgnoringCase("pneum");

    headerBox().sendKeys(Keys.ARROW_DOWN);
    WebElement first = options.get(0);
    assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
    assertThat(headerBox().getAttribute("aria-activedescendant"))
        .isEqualTo(first.getAttribute("id"));
    String code = first.findElement(By.className("code")).getText();

    headerBox().sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.textToBe(By.id("code"), code));
    assertThat(browser.getCurrentUrl()).contains("/codes/");
    assertThat(browser.findElement(By.id("descriptor")).getText()).containsIgnoringCase("pneum");
  }

  @Test
  void escapeClosesTheSuggestionsAndEnterWithoutAChoiceOpensTheSearchPage() {
    browser.get(url("/"));
    headerBox().sendKeys("heart failure");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search-list")));
    headerBox().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP);
    assertThat(headerBox().getAttribute("aria-activedescendant")).isNull();
    headerBox().sendKeys(Keys.ESCAPE);
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("site-search-list")));
    assertThat(headerBox().getAttribute("aria-expanded")).isEqualTo("false");

    headerBox().sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("/search?q=heart+failure"));
    assertThat(browser.findElements(By.cssSelector("#search-list .search-result"))).isNotEmpty();
  }

  @Test
  void theSearchPageFiltersUpdateTheResultsInPlace() {
    // A category code: the header E11 comes first, then the codes under it (and HCPCS E11nn).
    browser.get(url("/search?q=E11"));
    assertThat(resultLinks()).anyMatch(href -> href.contains("/codes/icd10cm/"));
    assertThat(browser.findElements(By.cssSelector("#search-list .badge.header"))).isNotEmpty();

    new Select(browser.findElement(By.id("search-system"))).selectByValue("hcpcs");
    waiting().until(d -> resultLinks().stream().allMatch(href -> href.contains("/codes/hcpcs/")));
    assertThat(resultLinks()).isNotEmpty();

    new Select(browser.findElement(By.id("search-system"))).selectByValue("icd10cm");
    browser.findElement(By.id("search-billable")).click();
    waiting()
        .until(
            d ->
                !resultLinks().isEmpty()
                    && resultLinks().stream().allMatch(href -> href.contains("/codes/icd10cm/"))
                    && browser
                        .findElements(By.cssSelector("#search-list .badge.header"))
                        .isEmpty());
    waiting().until(ExpectedConditions.urlContains("billable=true"));
    assertThat(browser.getCurrentUrl()).contains("system=icd10cm");

    // A query that cannot be searched shows why, in place, rather than an error page.
    WebElement query = browser.findElement(By.id("search-q"));
    query.clear();
    query.sendKeys("...");
    assertThat(
            waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("search-problem")))
                .getText())
        .contains("no letters or digits");
  }

  // Read in one script, so that results swapped in meanwhile cannot leave a stale element.
  @SuppressWarnings("unchecked")
  private static List<String> resultLinks() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#search-list .result-head a.code'))"
                    + ".map(a => a.href)");
  }
}
