package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/**
 * A test appender that records what it was given as {@code message|thread|mdc k|caller method}, and throws
 * on purpose out of {@code doAppend} (where {@code AppenderBase} would catch a RuntimeException itself, an
 * appender of one's own need not): an {@link IllegalStateException} for messages starting with
 * {@code boom}, an {@link AssertionError} (an {@code Error}) for messages starting with {@code fatal}.
 * A message starting with {@code checked} throws a checked {@link java.io.IOException} undeclared, as an
 * appender written in Kotlin (which has no checked exceptions) may.
 * A message starting with {@code interrupt} is recorded and leaves the appending thread's interrupt flag
 * set, as code that catches an {@code InterruptedException} and restores the flag does.
 * A message {@code echo N} is recorded, then the appender itself logs {@code echoed 0} … {@code echoed N-1}
 * through its context's logger {@code echo}, on the thread that is appending (an appender that logs).
 */
public class RecordingAppender extends AppenderBase<ILoggingEvent> {
    private final List<String> seen = new ArrayList<>();

    @Override
    public void doAppend(ILoggingEvent e) {
        String message = e.getFormattedMessage();
        if (message.startsWith("boom")) {
            throw new IllegalStateException(message);
        }
        if (message.startsWith("fatal")) {
            throw new AssertionError(message);
        }
        if (message.startsWith("checked")) {
            throw RecordingAppender.<RuntimeException>undeclared(new java.io.IOException(message));
        }
        super.doAppend(e);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T undeclared(Throwable t) throws T {
        throw (T) t;
    }

    @Override
    protected void append(ILoggingEvent e) {
        String message = e.getFormattedMessage();
        String caller = e.hasCallerData() ? e.getCallerData()[0].getMethodName() : "-";
        seen.add(message + "|" + e.getThreadName() + "|" + e.getMDCPropertyMap().get("k") + "|" + caller);
        if (message.startsWith("interrupt")) {
            Thread.currentThread().interrupt();
        }
        if (message.startsWith("echo ")) {
            int n = Integer.parseInt(message.substring(5));
            for (int i = 0; i < n; i++) {
                ((ch.qos.logback.classic.LoggerContext) getContext()).getLogger("echo").info("echoed {}", i);
            }
        }
    }

    /** What was recorded so far, in order. */
    public synchronized List<String> seen() {
        return new ArrayList<>(seen);
    }
}
