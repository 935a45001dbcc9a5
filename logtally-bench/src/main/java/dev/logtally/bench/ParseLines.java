package dev.logtally.bench;

import dev.logtally.source.Line;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic logstash-shaped log lines for the parse benchmarks: ~440-byte INFO/WARN lines of a
 * timed request (message, logger, thread, correlation id, service, release, method, duration, now and
 * then a gauge), and about 5% ERROR lines carrying a 1–2 KB stack trace, half of them with an
 * {@code error_type}. All lines sit back to back in one buffer, as the source stage's reading buffer
 * holds them.
 *
 * <pre>{@code
 * ParseLines lines = ParseLines.generate(4096, 20261124);
 * for (Line line : lines.lines()) parser.parse(line, ParseErrorSink.IGNORE);
 * }</pre>
 */
public final class ParseLines {
    private static final String[] METHODS = {
        "GET /api/orders/{id}", "POST /api/orders", "GET /api/customers/{id}/orders", "PUT /api/carts/{id}",
        "DELETE /api/carts/{id}/items/{item}", "GET /health",
    };
    private static final String[] LOGGERS = {
        "com.example.orders.web.OrderController", "com.example.orders.service.PricingService",
        "com.example.orders.repository.JdbcOrderRepository",
    };
    private static final String[] EXCEPTIONS = {
        "java.net.SocketTimeoutException: connect timed out",
        "java.lang.IllegalStateException: connection pool exhausted after 30000 ms",
        "org.springframework.dao.DataAccessResourceFailureException: could not obtain connection",
    };

    private final Line[] lines;
    private final boolean[] withTrace;
    private final int errorLines;

    private ParseLines(Line[] lines, boolean[] withTrace, int errorLines) {
        this.lines = lines;
        this.withTrace = withTrace;
        this.errorLines = errorLines;
    }

    public Line[] lines() {
        return lines;
    }

    public int errorLines() {
        return errorLines;
    }

    /** Mean length in bytes (terminator excluded) of the lines with a stack trace, or of the others. */
    public double meanLength(boolean withStackTrace) {
        long bytes = 0;
        int n = 0;
        for (int i = 0; i < lines.length; i++) {
            if (withTrace[i] == withStackTrace) {
                bytes += lines[i].length();
                n++;
            }
        }
        return n == 0 ? 0 : (double) bytes / n;
    }

    public static ParseLines generate(int count, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<int[]> spans = new ArrayList<>();
        boolean[] withTrace = new boolean[count];
        int errors = 0;
        for (int i = 0; i < count; i++) {
            boolean error = random.nextInt(20) == 0;
            withTrace[i] = error;
            errors += error ? 1 : 0;
            byte[] line = (error ? errorLine(random, i) : requestLine(random, i)).getBytes(StandardCharsets.UTF_8);
            spans.add(new int[] {out.size(), line.length});
            out.writeBytes(line);
            out.write('\n');
        }
        byte[] buffer = out.toByteArray();
        Line[] lines = new Line[count];
        for (int i = 0; i < count; i++) {
            int[] s = spans.get(i);
            lines[i] = new Line("bench.log", s[0], s[0] + s[1] + 1L, buffer, s[0], s[1], false);
        }
        return new ParseLines(lines, withTrace, errors);
    }

    private static String requestLine(Random r, int i) {
        String method = METHODS[r.nextInt(METHODS.length)];
        int status = r.nextInt(50) == 0 ? 503 : 200;
        String duration = String.format("%.3f", Math.abs(r.nextGaussian() * 40 + 30));
        String gauge = r.nextInt(10) == 0 ? ",\"queue_depth\":" + r.nextInt(500) : "";
        return "{\"@timestamp\":\"" + timestamp(r, i) + "\",\"@version\":\"1\","
                + "\"message\":\"" + method + " completed with status " + status + " in " + duration + " ms for customer "
                + (10_000 + r.nextInt(90_000)) + "\","
                + "\"logger_name\":\"" + LOGGERS[r.nextInt(LOGGERS.length)] + "\","
                + "\"thread_name\":\"http-nio-8080-exec-" + (1 + r.nextInt(200)) + "\","
                + "\"level\":\"" + (status == 200 ? "INFO" : "WARN") + "\",\"level_value\":" + (status == 200 ? 20000 : 30000) + ","
                + "\"correlation_id\":\"" + uuid(r) + "\","
                + "\"service\":\"orders\",\"release\":\"2026.11.3\","
                + "\"method\":\"" + method + "\",\"duration_ms\":" + duration + gauge + "}";
    }

    private static String errorLine(Random r, int i) {
        String head = EXCEPTIONS[r.nextInt(EXCEPTIONS.length)];
        int target = 1024 + r.nextInt(1024);
        StringBuilder trace = new StringBuilder(head).append("\\n");
        int frame = 0;
        while (trace.length() < target) {
            String logger = LOGGERS[frame % LOGGERS.length];
            trace.append("\\tat ").append(logger).append(".handle").append(frame)
                    .append("(").append(logger.substring(logger.lastIndexOf('.') + 1)).append(".java:")
                    .append(10 + r.nextInt(500)).append(")\\n");
            frame++;
        }
        String errorType = r.nextBoolean() ? "\"error_type\":\"connection_timeout\"," : "";
        return "{\"@timestamp\":\"" + timestamp(r, i) + "\",\"@version\":\"1\","
                + "\"message\":\"request failed\","
                + "\"logger_name\":\"" + LOGGERS[r.nextInt(LOGGERS.length)] + "\","
                + "\"thread_name\":\"http-nio-8080-exec-" + (1 + r.nextInt(200)) + "\","
                + "\"level\":\"ERROR\",\"level_value\":40000,"
                + "\"stack_trace\":\"" + trace + "\","
                + "\"correlation_id\":\"" + uuid(r) + "\"," + errorType
                + "\"service\":\"orders\",\"release\":\"2026.11.3\"}";
    }

    private static String timestamp(Random r, int i) {
        int seconds = i / 40;
        return String.format("2026-11-24T12:%02d:%02d.%03d+01:00", seconds / 60 % 60, seconds % 60, r.nextInt(1000));
    }

    private static String uuid(Random r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }
}
