package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.aggregate.GroupStatus;
import dev.logtally.aggregate.StatusChange;
import dev.logtally.archive.LogFile;
import dev.logtally.base.HostPort;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.base.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side over a real server on a loopback port: routes, answers, the token and the loopback rule. */
class IssuesHttpTest {
    private static final String TOKEN = "s3cret-token";

    @TempDir
    Path dir;
    private Issues.Memory groups;
    private Breadcrumbs crumbs;
    private IssuesServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        groups = new Issues.Memory(List.of(
                Issues.issue("a1", "connection_timeout", 9, 100, 900, "pool did not answer", "proxy", "2.4.1"),
                Issues.issue("b2", "db_write_failed", 12, 200, 800, "<b>share</b> not stored", "proxy", "2.4.2")));
        Path gz = dir.resolve("app.2026-11-24.0.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((line("2026-11-24T10:00:00.000Z", "INFO", "cid-a1", "started") + line("2026-11-24T10:00:00.000Z", "INFO", "other", "x"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path plain = dir.resolve("app.log");
        Files.writeString(plain, line("2026-11-24T10:00:02.000Z", "ERROR", "cid-a1", "failed") + line("2026-11-24T10:00:01.000Z", "WARN", "cid-a1", "slow"));
        Options options = OptionsLoader.load(null, Map.of(), Map.of());
        crumbs = new Breadcrumbs(options, () -> List.of(LogFile.of(gz), LogFile.of(plain)), Duration.ofSeconds(10), 1000, 1);
        serve(Optional.of(Secret.of(TOKEN, "test")));
    }

    private void serve(Optional<Secret> token) {
        if (server != null) {
            server.close();
        }
        server = IssuesServer.start(HostPort.parse("--serve", "127.0.0.1:0"),
                new IssuesHttp(groups::view, groups, crumbs, token, false, Set.of("ERROR"), null));
    }

    private static String line(String time, String level, String cid, String message) {
        return "{\"@timestamp\":\"" + time + "\",\"level\":\"" + level + "\",\"correlation_id\":\"" + cid
                + "\",\"message\":\"" + message + "\"}\n";
    }

    @AfterEach
    void stop() {
        server.close();
        crumbs.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String fp, String body, String authorization, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/issues/" + fp + "/status"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsAndShowsIssuesAsJson() throws Exception {
        HttpResponse<String> r = get("/api/issues?sort=count");
        assertEquals(200, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().startsWith("{\"total\":2,\"page\":1,\"pages\":1,\"page_size\":50,\"issues\":[{\"fingerprint\":\"b2\","), r.body());
        HttpResponse<String> one = get("/api/issues/a1");
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("\"count\":9,\"first_seen\":\"1970-01-01T00:00:00.100Z\""), one.body());
        assertEquals(404, get("/api/issues/nope").statusCode());
        assertEquals("{\"error\":\"sort must be last_seen, count or first_seen, not 'size'\"}\n", get("/api/issues?sort=size").body());
        assertEquals(400, get("/api/issues?sort=size").statusCode());
    }

    @Test
    void traceReadsPlainAndGzipInTimeOrder() throws Exception {
        HttpResponse<String> r = get("/api/trace/cid-a1");
        assertEquals(200, r.statusCode());
        List<String> messages = List.of(r.body().split("\"message\":\"")).stream().skip(1)
                .map(s -> s.substring(0, s.indexOf('"'))).toList();
        assertEquals(List.of("started", "slow", "failed"), messages);
        assertTrue(r.body().contains("\"file\":\"app.2026-11-24.0.log.gz\""), r.body());
        assertTrue(r.body().contains("\"found\":3,\"truncated\":false,\"timed_out\":false,\"files\":2"), r.body());
    }

    @Test
    void statusChangeNeedsTheToken() throws Exception {
        String body = "{\"status\":\"resolved\",\"in_release\":\"2.4.2\",\"in_next_release\":false}";
        assertEquals(403, post("a1", body, null, "application/json").statusCode());
        assertEquals(403, post("a1", body, "Bearer wrong", "application/json").statusCode());
        assertEquals(403, post("a1", body, TOKEN, "application/json").statusCode());
        assertEquals(415, post("a1", body, "Bearer " + TOKEN, "text/plain").statusCode());
        assertEquals(List.of(), groups.changes);
        assertEquals(GroupStatus.UNRESOLVED, groups.view().group("a1").orElseThrow().status());

        HttpResponse<String> ok = post("a1", body, "Bearer " + TOKEN, "application/json");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("\"status\":\"resolved\",\"resolved_in\":\"2.4.2\""), ok.body());
        assertEquals(List.of(StatusChange.resolve("a1").inRelease("2.4.2")), groups.changes);
        assertEquals(404, post("zz", body, "Bearer " + TOKEN, "application/json").statusCode());
        assertEquals(400, post("a1", "{\"status\":\"gone\"}", "Bearer " + TOKEN, "application/json").statusCode());
        assertEquals(405, get("/api/issues/a1/status").statusCode());
    }

    @Test
    void withoutATokenFileEverythingIsReadOnly() throws Exception {
        serve(Optional.empty());
        HttpResponse<String> r = post("a1", "{\"status\":\"ignored\"}", "Bearer " + TOKEN, "application/json");
        assertEquals(403, r.statusCode());
        assertEquals("{\"error\":\"read-only: no issues.token.file is configured\"}\n", r.body());
        assertEquals(List.of(), groups.changes);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = get("/issues");
        assertEquals(200, r.statusCode());
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                r.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(r.body().contains("&lt;b&gt;share&lt;/b&gt; not stored"), r.body());
        assertEquals(200, get("/assets/issues.js").statusCode());
        assertEquals(404, get("/assets/issues.java").statusCode());
        assertEquals(404, get("/assets/..%2F..%2Fissues%2FIssuesHttp.class").statusCode());
        assertEquals(404, get("/issues/a1/../../etc/passwd").statusCode());
    }

    @Test
    void aForeignHostHeaderIsRefused() throws IOException {
        assertEquals("HTTP/1.1 403 Forbidden", statusLine("evil.example:" + server.port()));
        assertEquals("HTTP/1.1 200 OK", statusLine("localhost:" + server.port()));
        assertEquals("HTTP/1.1 200 OK", statusLine("127.0.0.1:" + server.port()));
        assertTrue(IssuesHttp.loopbackHost("[::1]:80"));
        assertTrue(!IssuesHttp.loopbackHost("127.0.0.1.evil.example"));
    }

    private String statusLine(String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET /api/issues HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(0, all.indexOf("\r\n"));
        }
    }
}
