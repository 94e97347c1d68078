package io.kuberouter.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium driven through chromedriver (Selenium) against an agent's Web Console: logs in with the
 * lab's Basic credentials, opens each page, prints one {@code ROW <page> <cells separated by " | ">} line per table
 * row (plus {@code TITLE <page> <title>}) and saves a PNG screenshot {@code console-<page>.png} of each page.
 *
 * <p>{@link ConsoleBrowserLabIT} runs it as a JVM of its own inside a lab node's network namespace
 * ({@code ip netns exec}), where the console listens on loopback: chromedriver, chromium and the console then talk
 * over that namespace's loopback only, and chromium has no route to anything outside the lab.
 *
 * <p>Arguments: {@code CONSOLE_URL USER PASSWORD SCREENSHOT_DIR PAGE...}, where a page is a console path below
 * {@code /system/console/} (e.g. {@code bgp?q=10.244.2.7}) optionally prefixed by {@code NAME=}.
 */
public final class LabConsoleBrowser {

    private static final long CONTENT_TIMEOUT_NANOS = 30_000_000_000L;

    private LabConsoleBrowser() {
    }

    public static void main(String[] args) throws Exception {
        String console = args[0];
        String user = args[1];
        String password = args[2];
        Path screenshots = Files.createDirectories(Path.of(args[3]));
        // a fresh profile in a temporary directory (the caller points java.io.tmpdir and HOME into the lab's run
        // directory), deleted afterwards
        Path profile = Files.createTempDirectory("kr-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        // as root: no sandbox; nothing that phones home (there is no route out of the node's namespace anyway)
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-proxy-server",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().window().setSize(new Dimension(1500, 1000));
            // HTTP Basic: the credentials in the first URL; chromium keeps them for the origin
            driver.get(console.replaceFirst("://", "://" + user + ":" + password + "@") + "/system/console/bundles");
            for (int i = 4; i < args.length; i++) {
                visit(driver, console, args[i], screenshots);
            }
        } finally {
            driver.quit();
            service.stop();
            delete(profile);
        }
    }

    private static void visit(WebDriver driver, String console, String page, Path screenshots) throws Exception {
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
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve("console-" + name + ".png"), png);
    }

    /** Waits for one of the kube-router pages' tables or their "not running" line. */
    private static void awaitContent(WebDriver driver) throws InterruptedException {
        long deadline = System.nanoTime() + CONTENT_TIMEOUT_NANOS;
        while (driver.findElements(By.cssSelector("#kr-absent, table.nicetable")).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no page content at " + driver.getCurrentUrl() + ": "
                        + driver.getPageSource());
            }
            Thread.sleep(100);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
