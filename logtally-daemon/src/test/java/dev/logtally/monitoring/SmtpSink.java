package dev.logtally.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail relay stand-in inside the test, so the real Alertmanager's email can be read: plain SMTP on a free
 * loopback port (no STARTTLS, no AUTH), accepting every message and keeping it. No SMTP server is part of
 * the stack or of the test machine; this one only records, it decides nothing.
 *
 * <pre>{@code
 * try (SmtpSink smtp = SmtpSink.start()) {
 *     // smtp_smarthost: 127.0.0.1:<smtp.port()>, smtp_require_tls: false
 *     SmtpSink.Mail m = Poll.forValue(Duration.ofSeconds(60), "mail", () -> smtp.find("oncall@example.org", "CriticalErrorBurst"));
 * }
 * }</pre>
 */
final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** One message: envelope recipients, the {@code Subject} header, headers and decoded body (CRLF → LF). */
    record Mail(List<String> to, String subject, String text) {
    }

    private SmtpSink(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::serve, "smtp-sink");
        acceptor.setDaemon(true);
    }

    static SmtpSink start() {
        try {
            SmtpSink s = new SmtpSink(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
            s.acceptor.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    List<Mail> mails() {
        return List.copyOf(mails);
    }

    /** The first mail to {@code to} whose subject contains {@code subjectPart}, or null. */
    Mail find(String to, String subjectPart) {
        return mails.stream().filter(m -> m.to().contains(to) && m.subject().contains(subjectPart)).findFirst().orElse(null);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                session(s);
            } catch (IOException e) {
                // a broken session or the sink closing: go on with the next connection, or end
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 smtp-sink ESMTP");
        List<String> to = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (verb) {
                case "EHLO" -> reply(out, "250-smtp-sink\r\n250 8BITMIME");
                case "HELO", "MAIL", "NOOP" -> reply(out, "250 OK");
                case "RSET" -> {
                    to.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    to.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    for (String d; (d = in.readLine()) != null && !d.equals("."); ) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                    }
                    mails.add(parse(List.copyOf(to), data.toString()));
                    to.clear();
                    reply(out, "250 OK");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static Mail parse(List<String> to, String data) {
        String subject = data.lines().filter(l -> l.startsWith("Subject: ")).map(l -> l.substring(9)).findFirst().orElse("");
        int body = data.indexOf("\n\n");
        return new Mail(to, subject, body < 0 ? data : data.substring(0, body + 2) + decodeQuotedPrintable(data.substring(body + 2)));
    }

    /** Quoted-printable as Alertmanager writes its parts: soft line breaks and {@code =XX} bytes. */
    static String decodeQuotedPrintable(String s) {
        String joined = s.replace("=\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
