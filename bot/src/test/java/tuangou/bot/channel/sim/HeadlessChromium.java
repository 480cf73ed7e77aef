package tuangou.bot.channel.sim;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, through Debian's chromedriver. Both paths are given to Selenium
 * explicitly so that Selenium Manager never runs: it would try to download a driver, and this
 * machine reaches no browser downloads. {@code ./test.sh} installs the two packages when missing.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  // Selenium warns that it has no DevTools bindings for Debian's chromium version; the test uses
  // WebDriver only, so the warning is noise. Held here so that the setting is not collected.
  private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /**
   * Skips the calling tests when the browser is missing on a developer's machine, and fails them in
   * CI (CI is set there), where a skipped browser test would pass unnoticed.
   */
  static void requireInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String why = "the /sim page test needs Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
        + "); run ./test.sh, which installs them";
    if (System.getenv("CI") != null) {
      fail(why);
    }
    assumeTrue(false, why);
  }

  static HeadlessChromium start() throws IOException {
    CDP_VERSIONS.setLevel(Level.SEVERE);
    Path profile = Files.createTempDirectory("tuangou-chromium");
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // as root in a container: no sandbox, no GPU; and nothing that phones home (updates, sync, QUIC)
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN");
    try {
      return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      service.stop();
      deleteQuietly(profile);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a profile left in the temp directory does no harm
    }
  }
}
