package dev.logtally.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logtally tail} (a real process) whose checkpoints cannot be written any more, as on a full state
 * disk (forced here by a directory where the checkpoint's temp file must go, which fails even for root):
 * {@code /-/healthy} turns 503 once they have failed for longer than three checkpoint intervals, and a
 * SIGTERM then ends it with exit 1 and one line saying the final checkpoint failed.
 */
class CheckpointFailureIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path tmp;

    @Test
    void unhealthyWhileCheckpointsFailAndExitOneWhenTheFinalOneFails() throws Exception {
        Path log = Files.writeString(tmp.resolve("app.log"), "{\"level\":\"ERROR\",\"error_type\":\"x\"}\n");
        Path state = tmp.resolve("state");
        Path config = Files.writeString(tmp.resolve("tailer.properties"), "checkpoint.interval = 100ms\npoll.interval = 20ms\n");
        int port = RealProgram.freePort();
        try (LogtallyProcess tail = LogtallyProcess.start(tmp.resolve("out"), List.of("-XX:TieredStopAtLevel=1"),
                "tail", "--path", log.toString(), "--state-dir", state.toString(), "--listen", "127.0.0.1:" + port,
                "--config", config.toString())) {
            Poll.until(Duration.ofSeconds(60), "tail to answer healthy", () -> status(port) == 200);

            // Every save fails from now on: a save that fails deletes its temp file, so the directory holds one.
            // (While a save is under way its temp file is there: taken as soon as it is gone.)
            Path tmpName = state.resolve("checkpoint.json.tmp");
            Poll.until(Duration.ofSeconds(30), "to put a directory where the temp file goes", () -> {
                try {
                    Files.writeString(Files.createDirectory(tmpName).resolve("full"), "");
                    return true;
                } catch (java.nio.file.FileAlreadyExistsException saving) {
                    return false;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Poll.until(Duration.ofSeconds(30), "/-/healthy to answer 503", () -> status(port) == 503);
            String body = get(port).body();
            assertTrue(body.startsWith("unhealthy: checkpoints have failed for "), body);

            assertEquals(1, tail.terminate(60), tail.output());
            String lastLines = tail.output().strip();
            assertTrue(lastLines.endsWith("stopped, but the final checkpoint could not be written: the next start resumes"
                    + " from the last checkpoint written, and reads again what was read since"), lastLines);
        }
    }

    private static int status(int port) {
        try {
            return get(port).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static HttpResponse<String> get(int port) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/healthy"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
