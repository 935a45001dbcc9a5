package dev.logtally.issues;

import dev.logtally.testing.RealProgram;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (Selenium WebDriver), with both paths
 * given explicitly so Selenium Manager never downloads a browser or driver, a fresh profile directory, and
 * nothing that talks to the network on its own. A missing {@code chromium} or {@code chromium-driver}
 * package fails the test with the package's name.
 *
 * <pre>{@code
 * try (Browser b = Browser.start(tmp)) {
 *     b.driver().get("http://127.0.0.1:9464/issues");
 *     b.screenshot(Path.of("target/issues-list.png"));
 * }
 * }</pre>
 */
final class Browser implements AutoCloseable {
    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    static Browser start(Path tmp) {
        Path chromium = RealProgram.requireProgram("chromium", "chromium");
        Path chromedriver = RealProgram.requireProgram("chromedriver", "chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory(tmp, "chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort()
                .withLogFile(tmp.resolve("chromedriver.log").toFile())
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    WebDriver driver() {
        return driver;
    }

    /** Resizes the window (a phone: 390 x 844). */
    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a PNG of the whole page: the window is made as tall as the page first, then set back. */
    void screenshot(Path png) {
        Dimension before = driver.manage().window().getSize();
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        size(before.getWidth(), Math.min(4000, ((Number) height).intValue() + 140));
        try {
            viewport(png);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private void viewport(Path png) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(png.getParent());
            Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
