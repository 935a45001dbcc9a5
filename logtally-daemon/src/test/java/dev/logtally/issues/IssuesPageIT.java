package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.Project;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issues page in real headless Chromium, over what the sample service ({@code demo-app}, fixed seed,
 * 32 KB files so that most of it is in {@code .gz} archives) wrote, the expected groups computed by the
 * test itself from the files ({@link WrittenLogs}): served by a running tailer ({@code logtally tail
 * --listen}) and by {@code logtally errors --serve} over the archives.
 */
class IssuesPageIT {
    /** A message that would run script if it were not escaped. */
    static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>'\" & done";
    private static final String TOKEN = "issues-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void tailerServesTheIssuesOfTheSampleServiceAndKeepsAStatusAcrossARestart() throws Exception {
        Path logs = tmp.resolve("logs");
        Path state = tmp.resolve("state");
        Path tokenFile = tmp.resolve("issues.token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Path config = tmp.resolve("tailer.properties");
        Files.writeString(config, "issues.token.file = " + tokenFile + "\ncheckpoint.interval = 250ms\npoll.interval = 50ms\n");
        Files.createDirectories(logs);
        int port = RealProgram.freePort();
        String base = "http://127.0.0.1:" + port;
        String[] tail = {"tail", "--path", logs.resolve("loka-stratum.log").toString(), "--state-dir", state.toString(),
                "--listen", "127.0.0.1:" + port, "--config", config.toString()};
        LogtallyProcess tailer = LogtallyProcess.start(tmp, tail);
        try {
            Poll.until(WAIT, "the tailer answers /-/healthy", () -> status(base + "/-/healthy") == 200);
            writeSampleService(logs);
            WrittenLogs written = WrittenLogs.read(logs);
            Poll.until(WAIT, "the tailer has grouped all " + written.errors() + " error events",
                    () -> eventsOnPage(base) == written.errors());

            try (Browser browser = Browser.start(tmp)) {
                WebDriver d = browser.driver();
                d.get(base + "/issues?sort=count");
                assertEquals(expectedRows(written), rowsShown(d));
                assertXssIsText(d, By.cssSelector("tr[data-fingerprint] .msg"));
                browser.screenshot(Project.module().resolve("target/issues-list.png"));

                JsonNode issue = issueWithArchivedBreadcrumbs(base, written);
                String fp = issue.get("fingerprint").asString();
                d.get(base + "/issues/" + fp);
                assertStackAndBreadcrumbs(d, issue, written);
                browser.screenshot(Project.module().resolve("target/issue-page.png"));
                assertLinksToOtherSamples(d, issue, written);
                d.get(base + "/issues/" + fp);

                // Without the token: refused, nothing changed (over HTTP and through the page's button).
                assertEquals(403, post(base, fp, "{\"status\":\"ignored\"}", null));
                assertEquals(403, post(base, fp, "{\"status\":\"ignored\"}", "Bearer not-" + TOKEN));
                assertEquals("unresolved", apiStatus(base, fp));
                d.findElement(By.id("ignore")).click();
                Poll.until(WAIT, "the page reports the refusal", () -> textOf(d, "status-message").startsWith("403: "));
                assertEquals("unresolved", apiStatus(base, fp));
                assertEquals("unresolved", d.findElement(By.id("fact-status")).getText());

                // With the token: resolved.
                d.findElement(By.id("token")).sendKeys(TOKEN);
                d.findElement(By.id("resolve")).click();
                Poll.until(WAIT, "the page shows the issue resolved", () -> "resolved".equals(textOf(d, "fact-status")));
                assertEquals("resolved", apiStatus(base, fp));

                // It survives a restart of the tailer.
                assertEquals(0, tailer.terminate(60), tailer.output());
                tailer = LogtallyProcess.start(tmp, tail);
                Poll.until(WAIT, "the restarted tailer answers", () -> status(base + "/api/issues/" + fp) == 200);
                assertEquals("resolved", apiStatus(base, fp));
                d.get(base + "/issues/" + fp);
                assertEquals("resolved", d.findElement(By.id("fact-status")).getText());
                d.get(base + "/issues?status=resolved");
                assertEquals(List.of(fp), d.findElements(By.cssSelector("tr[data-fingerprint]")).stream()
                        .map(e -> e.getAttribute("data-fingerprint")).toList());
            }
        } finally {
            tailer.close();
        }
    }

    @Test
    void errorsServeShowsTheArchivesReadOnly() throws Exception {
        Path logs = tmp.resolve("logs");
        writeSampleService(logs);
        WrittenLogs written = WrittenLogs.read(logs);
        int port = RealProgram.freePort();
        String base = "http://127.0.0.1:" + port;
        try (LogtallyProcess served = LogtallyProcess.start(tmp, "errors", logs.toString(), "--serve", "127.0.0.1:" + port);
             Browser browser = Browser.start(tmp)) {
            Poll.until(WAIT, "errors --serve answers", () -> status(base + "/api/issues") == 200);
            WebDriver d = browser.driver();
            d.get(base + "/issues?sort=count");
            assertEquals(expectedRows(written), rowsShown(d));
            assertXssIsText(d, By.cssSelector("tr[data-fingerprint] .msg"));

            JsonNode issue = issueWithArchivedBreadcrumbs(base, written);
            String fp = issue.get("fingerprint").asString();
            d.get(base + "/issues/" + fp);
            assertStackAndBreadcrumbs(d, issue, written);
            assertTrue(d.findElement(By.id("readonly")).getText().startsWith("Read-only"));
            assertTrue(d.findElements(By.id("status-form")).isEmpty());
            assertEquals(403, post(base, fp, "{\"status\":\"resolved\"}", "Bearer " + TOKEN));
            assertEquals("unresolved", apiStatus(base, fp));

            // Readable on a phone: at 390 px the pages fit the width (the tables become cards).
            browser.size(390, 844);
            for (String page : List.of("/issues", "/issues/" + fp)) {
                d.get(base + page);
                assertEquals(Boolean.TRUE, ((JavascriptExecutor) d).executeScript(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), page);
            }
            browser.size(1280, 900);

            d.get(base + "/issues?error_type=xss_probe");
            assertEquals(List.of("xss_probe 1"), rowsShown(d));
            d.findElement(By.cssSelector("a.type")).click();
            assertEquals(XSS, d.findElement(By.id("issue-message")).getText());
            assertTrue(d.findElements(By.cssSelector("#main img, #main script")).isEmpty());
            assertEquals("undefined", ((JavascriptExecutor) d).executeScript("return typeof window.__xss"));
        }
    }

    /** The text of element {@code id}, or "" while it is missing or the page is being reloaded. */
    private static String textOf(WebDriver d, String id) {
        try {
            List<WebElement> found = d.findElements(By.id(id));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    /** demo-app with a fixed seed and small files, then one error line carrying {@link #XSS}. */
    private void writeSampleService(Path logs) throws IOException {
        LogtallyProcess demo = LogtallyProcess.start(tmp, "demo-app", "--log-dir", logs.toString(), "--rate", "400",
                "--duration", "4s", "--release", "2.4.1", "--seed", "7", "--max-file-size", "32KB");
        assertEquals(0, demo.waitFor(180), demo.output());
        String line = JSON.writeValueAsString(Map.of("@timestamp", Instant.now().toString(), "level", "ERROR",
                "service", "loka-stratum", "release", "2.4.1", "error_type", "xss_probe", "correlation_id", "xss-probe-1",
                "message", XSS, "logger_name", "probe", "thread_name", "main")) + "\n";
        Files.writeString(logs.resolve("loka-stratum.log"), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** {@code "<error type> <count>"} per group, most events first (ties by type), from the files. */
    private static List<String> expectedRows(WrittenLogs written) {
        List<Map.Entry<String, Long>> groups = new ArrayList<>(written.groupCounts().entrySet());
        groups.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Long> g : groups) {
            rows.add(g.getKey().substring(0, g.getKey().indexOf(' ')) + " " + g.getValue());
        }
        return sortedWithinEqualCounts(rows);
    }

    /** The list as the browser shows it: {@code "<error type> <count>"} per row. */
    private static List<String> rowsShown(WebDriver d) {
        List<String> rows = new ArrayList<>();
        for (WebElement tr : d.findElements(By.cssSelector("tr[data-fingerprint]"))) {
            rows.add(tr.findElement(By.cssSelector("a.type")).getText() + " " + tr.findElement(By.cssSelector("td.count")).getText());
        }
        return sortedWithinEqualCounts(rows);
    }

    /** Rows with equal counts may come in any order (ties are by fingerprint on the page). */
    private static List<String> sortedWithinEqualCounts(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        out.sort(Comparator.comparingLong((String r) -> -Long.parseLong(r.substring(r.lastIndexOf(' ') + 1)))
                .thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** The XSS message is shown as text: equal to the payload, no element injected, no script run. */
    private static void assertXssIsText(WebDriver d, By messages) {
        List<String> texts = d.findElements(messages).stream().map(WebElement::getText).toList();
        assertTrue(texts.contains(XSS), "no message shows the payload as text: " + texts);
        assertTrue(d.findElements(By.cssSelector("#issues img, #issues script")).isEmpty());
        assertEquals("undefined", ((JavascriptExecutor) d).executeScript("return typeof window.__xss"));
    }

    /** An issue (from the JSON API) whose sample's breadcrumbs, by the test's own reading, lie partly in a .gz. */
    private JsonNode issueWithArchivedBreadcrumbs(String base, WrittenLogs written) throws Exception {
        JsonNode page = JSON.readTree(get(base + "/api/issues?sort=count"));
        for (JsonNode issue : page.get("issues")) {
            JsonNode cid = issue.get("sample_correlation_id");
            if (cid != null && !cid.isNull() && written.of(cid.asString()).stream().anyMatch(w -> w.file().endsWith(".gz"))) {
                return issue;
            }
        }
        throw new AssertionError("no issue's sample has breadcrumbs in a .gz archive: " + page);
    }

    /** The sample's stack trace and every event of its correlation ID, in time order, with the files they are in. */
    private static void assertStackAndBreadcrumbs(WebDriver d, JsonNode issue, WrittenLogs written) {
        String cid = issue.get("sample_correlation_id").asString();
        List<WrittenLogs.Written> events = new ArrayList<>(written.of(cid));
        events.sort(Comparator.comparing((WrittenLogs.Written w) -> Instant.parse(w.text("@timestamp"))));
        WrittenLogs.Written sample = events.stream()
                .filter(w -> "ERROR".equals(w.text("level")) && issue.get("error_type").asString().equals(w.text("error_type")))
                .reduce((a, b) -> b).orElseThrow();
        String stack = sample.text("stack_trace");
        assertEquals(stack.lines().findFirst().orElseThrow(),
                d.findElement(By.id("stack")).getText().lines().findFirst().orElseThrow());
        assertEquals(cid, d.findElement(By.id("crumbs-id")).getText());
        List<WebElement> rows = d.findElements(By.cssSelector("#crumbs tbody tr"));
        assertEquals(events.size(), rows.size());
        List<String> shownFiles = rows.stream().map(r -> r.findElement(By.cssSelector("td.file")).getText()).toList();
        assertEquals(events.stream().map(WrittenLogs.Written::file).sorted().toList(), shownFiles.stream().sorted().toList());
        assertTrue(shownFiles.stream().anyMatch(f -> f.endsWith(".gz")), shownFiles.toString());
        List<String> shownMessages = rows.stream().map(r -> r.findElement(By.cssSelector("td.message")).getText()).toList();
        for (int i = 0; i < events.size(); i++) {
            assertTrue(shownMessages.get(i).startsWith(events.get(i).text("message")),
                    "breadcrumb " + i + ": " + shownMessages.get(i) + " vs " + events.get(i).text("message"));
        }
    }

    /**
     * The page links to the group's other latest samples (the sample itself first, shown as the current
     * one); each is a correlation ID of one of the group's error events, and its link shows its breadcrumbs.
     */
    private static void assertLinksToOtherSamples(WebDriver d, JsonNode issue, WrittenLogs written) {
        String cid = issue.get("sample_correlation_id").asString();
        Set<String> ids = written.errorIds(issue.get("error_type").asString(), issue.get("stack_hash").asString());
        List<WebElement> shown = d.findElements(By.cssSelector("#samples .sample-link"));
        assertEquals(Math.min(5, ids.size()), shown.size(), "samples shown of " + ids);
        assertEquals(cid, shown.get(0).getText());
        assertEquals("page", shown.get(0).getAttribute("aria-current"));
        List<String> others = shown.stream().skip(1).map(WebElement::getText).toList();
        assertTrue(ids.containsAll(others), others + " not all among " + ids);
        if (!others.isEmpty()) {
            d.findElement(By.cssSelector("#samples a.sample-link")).click();
            Poll.until(WAIT, "the other sample's breadcrumbs are shown", () -> others.get(0).equals(textOf(d, "crumbs-id")));
            assertEquals(written.of(others.get(0)).size(), d.findElements(By.cssSelector("#crumbs tbody tr")).size());
        }
    }

    private long eventsOnPage(String base) {
        try {
            JsonNode page = JSON.readTree(get(base + "/api/issues"));
            long sum = 0;
            for (JsonNode i : page.get("issues")) {
                sum += i.get("count").asLong();
            }
            return page.get("pages").asInt() == 1 ? sum : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private String apiStatus(String base, String fp) throws Exception {
        return JSON.readTree(get(base + "/api/issues/" + fp)).get("status").asString();
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    private int post(String base, String fp, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/issues/" + fp + "/status"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
