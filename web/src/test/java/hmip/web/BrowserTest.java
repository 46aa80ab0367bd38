package hmip.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: headless Chromium driven by Selenium through the system chromedriver
 * (Debian packages {@code chromium} and {@code chromium-driver}; nothing is downloaded). Skipped, with a
 * message, where they are not installed. Screenshots of each page go to {@code build/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    static WebServer server;
    static WebDriver driver;
    static WebDriverWait wait;
    static Path downloads;
    static Path profile;
    static Path screenshots;
    /** Held so the level sticks: Selenium warns that it has no CDP bindings for this Chromium, which it does not need. */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll
    static void start() throws Exception {
        String browser = firstExisting(System.getenv("HMIP_CHROMIUM"), CHROMIUM);
        String chromedriver = firstExisting(System.getenv("HMIP_CHROMEDRIVER"), DRIVER);
        assumeTrue(browser != null, "browser tests skipped: no Chromium found (apt-get install chromium chromium-driver)");
        assumeTrue(chromedriver != null, "browser tests skipped: no chromedriver found (apt-get install chromium-driver)");
        // use the system driver; never let Selenium Manager look for (or download) one
        System.setProperty("webdriver.chrome.driver", chromedriver);
        System.setProperty("SE_AVOID_STATS", "true");
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);

        server = WebServer.start(Fixture.get().options());
        downloads = Files.createTempDirectory("hmip-downloads");
        profile = Files.createTempDirectory("hmip-chromium-profile");
        screenshots = Fixture.root().resolve("build/screenshots");
        Files.createDirectories(screenshots);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
        wait = new WebDriverWait(driver, Duration.ofSeconds(60)); // generous: CI machines can be busy
    }

    @AfterAll
    static void stop() {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (server != null) server.close();
            if (downloads != null) Fixture.deleteTree(downloads);
            if (profile != null) Fixture.deleteTree(profile);
        }
    }

    private static String firstExisting(String preferred, List<String> candidates) {
        if (preferred != null && Files.isExecutable(Path.of(preferred))) return preferred;
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
    }

    static void open(String path) {
        driver.get(server.baseUrl() + path);
    }

    static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
    }

    @Test
    @Order(1)
    void searchFilterOpenResultAndSeeRatings() throws Exception {
        open("/");
        screenshot("01-search-empty");
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("domestic abuse");
        box.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.hit")));
        assertThat(driver.findElement(By.id("summary")).getText()).contains("domestic abuse");
        assertThat(driver.findElements(By.cssSelector("li.hit mark"))).isNotEmpty();
        screenshot("02-search-results");

        // apply a region facet
        WebElement gm = driver.findElement(By.cssSelector("section.facet[data-facet=region] a[data-value='Greater Manchester']"));
        gm.click();
        wait.until(ExpectedConditions.urlContains("region="));
        List<WebElement> hits = driver.findElements(By.cssSelector("li.hit"));
        assertThat(hits).isNotEmpty();
        for (WebElement h : hits) assertThat(h.findElement(By.cssSelector(".meta")).getText()).contains("Greater Manchester");
        assertThat(driver.findElement(By.cssSelector(".active-filters")).getText()).contains("Region: Greater Manchester");
        screenshot("03-search-region-facet");

        // open a result: its document page shows the ratings table
        String docId = hits.get(0).getAttribute("data-doc");
        hits.get(0).findElement(By.cssSelector("a.hit-title")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ratings")));
        assertThat(driver.getCurrentUrl()).contains("/doc/" + docId);
        WebElement ratings = driver.findElement(By.id("ratings"));
        assertThat(ratings.findElements(By.cssSelector("tbody tr")).size()).isGreaterThanOrEqualTo(8);
        assertThat(ratings.getText()).containsAnyOf("Good", "Requires improvement", "Inadequate", "Outstanding");
        String pdf = driver.findElement(By.id("open-pdf")).getAttribute("href");
        assertThat(pdf).endsWith("/files/" + docId);
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("04-document");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("recommendations-section")));
        screenshot("04b-document-recommendations");
        WebElement checks = driver.findElement(By.id("checks-section"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", checks);
        assertThat(checks.findElements(By.cssSelector("#checks tbody tr"))).as("validation findings").isNotEmpty();
        screenshot("04c-document-checks");
    }

    @Test
    @Order(2)
    void providerAndComparisonPages() throws Exception {
        open("/providers");
        screenshot("05a-providers");
        driver.findElement(By.partialLinkText("Liverpool North")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-ratings")));
        assertThat(driver.findElements(By.cssSelector("#provider-ratings tbody tr")).size()).isGreaterThanOrEqualTo(2);
        screenshot("05-provider");
        open("/compare");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Greater Manchester");
        screenshot("06-compare");
        open("/documents");
        assertThat(driver.findElements(By.cssSelector("#documents tbody tr"))).hasSize(5);
        screenshot("07-documents");
    }

    @Test
    @Order(3)
    void downloadTrendCsv() throws Exception {
        open("/trends");
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart")));
        assertThat(chart.findElements(By.tagName("rect"))).isNotEmpty();
        screenshot("08-trends");
        // the download button of a table that has rows (it has a chart)
        WebElement section = chart.findElement(By.xpath("ancestor::section[contains(@class, 'trend')]"));
        WebElement link = section.findElement(By.cssSelector("a.csv"));
        String file = link.getAttribute("download");
        link.click();
        Path csv = downloads.resolve(file);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Files.exists(csv) && !partialDownloads());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.get(0)).contains(",");
    }

    @Test
    @Order(4)
    void errorPagesAreFriendly() throws Exception {
        open("/doc/no_such_doc");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("404");
        open("/?q=" + "title%3A%5Ba");
        assertThat(driver.findElement(By.cssSelector(".problem")).getText()).contains("cannot parse query");
        screenshot("09-bad-query");
    }

    @Test
    @Order(5)
    void browseATopicByThemeWithoutWords() throws Exception {
        open("/");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("theme"))).selectByVisibleText("Domestic abuse");
        driver.findElement(By.cssSelector("form.search button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.hit")));
        assertThat(driver.getCurrentUrl()).contains("theme=domestic_abuse");
        assertThat(driver.findElement(By.id("summary")).getText()).contains("matching the filters");
        assertThat(driver.findElement(By.cssSelector(".active-filters")).getText()).contains("Theme: Domestic abuse");
        WebElement facet = driver.findElement(By.cssSelector("section.facet[data-facet=theme] a[data-value=domestic_abuse]"));
        assertThat(facet.getText()).isEqualTo("Domestic abuse");
        screenshot("10-browse-theme");
        // narrowing by kind keeps the theme and still needs no words
        driver.findElement(By.cssSelector("section.facet[data-facet=kind] a[data-value=recommendation]")).click();
        wait.until(ExpectedConditions.urlContains("kind=recommendation"));
        for (WebElement h : driver.findElements(By.cssSelector("li.hit"))) {
            assertThat(h.findElement(By.cssSelector(".meta")).getText()).contains("recommendation");
        }
    }

    private static boolean partialDownloads() {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.anyMatch(p -> p.toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return true;
        }
    }
}
