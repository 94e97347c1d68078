package io.kuberouter.itests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens Web Console pages in headless Debian chromium through chromedriver (Selenium) and prints what it sees:
 * one {@code ROW <page> <cells separated by " | ">} line per table row, plus {@code TITLE <page> <title>}; saves
 * a PNG screenshot of each page. Runs in a JVM of its own, started by {@link ConsoleBrowserIT} from inside the
 * framework, because Selenium cannot live in the OSGi framework.
 *
 * <p>Arguments: {@code CONSOLE_URL USER PASSWORD SCREENSHOT_DIR PAGE...}, where a page is a console path below
 * {@code /system/console/} (e.g. {@code bgp?q=10.244.2.0/24}) optionally prefixed by {@code NAME=}.
 */
public final class ConsoleBrowser {

    private ConsoleBrowser() {
    }

    public static void main(String[] args) throws Exception {
        String console = args[0];
        String user = args[1];
        String password = args[2];
        Path screenshots = Path.of(args[3]);
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("kr-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        // chromium as root in a closed network: no sandbox, no GPU, nothing that phones home, a fresh profile
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().window().setSize(new Dimension(1500, 1000));
            // Basic authentication: the credentials in the first URL; chromium keeps them for the origin
            String withCredentials = console.replaceFirst("://", "://" + user + ":" + password + "@");
            driver.get(withCredentials + "/system/console/capabilities");
            for (int i = 4; i < args.length; i++) {
                String page = args[i];
                int eq = page.indexOf('=');
                int query = page.indexOf('?');
                boolean named = eq > 0 && (query < 0 || eq < query);
                String name = named ? page.substring(0, eq) : page;
                driver.get(console + "/system/console/" + (named ? page.substring(eq + 1) : page));
                awaitContent(driver);
                System.out.println("TITLE " + name + " " + driver.getTitle());
                for (WebElement row : driver.findElements(By.cssSelector("table.nicetable tbody tr"))) {
                    List<String> cells = row.findElements(By.tagName("td")).stream()
                            .map(c -> c.getText().replace('\n', ';')).toList();
                    System.out.println("ROW " + name + " " + String.join(" | ", cells));
                }
                // unfold the first chains of the policies page, so that the screenshot shows rules
                driver.findElements(By.cssSelector("details > summary")).stream().limit(2).forEach(WebElement::click);
                for (WebElement absent : driver.findElements(By.id("kr-absent"))) {
                    System.out.println("ABSENT " + name + " " + absent.getText());
                }
                byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(screenshots.resolve("console-" + name + ".png"), png);
            }
        } finally {
            driver.quit();
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Waits up to 20 s for one of the kube-router pages' tables or their "not running" line. */
    private static void awaitContent(WebDriver driver) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (driver.findElements(By.cssSelector("#kr-absent, table.nicetable")).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no page content at " + driver.getCurrentUrl() + ": "
                        + driver.getPageSource());
            }
            Thread.sleep(100);
        }
    }
}
