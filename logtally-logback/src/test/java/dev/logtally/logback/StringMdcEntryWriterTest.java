package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.util.List;
import net.logstash.logback.composite.loggingevent.mdc.LongMdcEntryWriter;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;

/** {@link StringMdcEntryWriter} writes exactly the line the encoder writes without it, value for value. */
class StringMdcEntryWriterTest {
    private static final List<String> VALUES = List.of("5f0c3a9d1e2b4c6a8f7e6d5c4b3a2910", "", "quote \" backslash \\ newline \n tab \t",
            "ünïcödé \u2028 \ud83d\ude00", "\u0001", "42", "x".repeat(5000));

    @Test
    void theLineIsTheOneTheEncoderWritesThroughDatabind() {
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        LoggerContext context = context(mdc);
        LogstashEncoder plain = EncodedLine.encoder(context);
        LogstashEncoder withWriter = EncodedLine.encoder(context);
        withWriter.addMdcEntryWriter(new StringMdcEntryWriter());
        plain.start();
        withWriter.start();
        for (String value : VALUES) {
            mdc.clear();
            mdc.put("correlation_id", value);
            mdc.put("user_key", value);
            mdc.put("null_value", null);
            assertEquals(encode(plain, context), encode(withWriter, context), value);
        }
    }

    @Test
    void aCorrelationIdIsAStringFieldAndTypedWritersBeforeItStillWin() {
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        LoggerContext context = context(mdc);
        LogstashEncoder encoder = EncodedLine.encoder(context);
        LongMdcEntryWriter longs = new LongMdcEntryWriter();
        encoder.addMdcEntryWriter(longs);
        encoder.addMdcEntryWriter(new StringMdcEntryWriter());
        encoder.start();
        mdc.put("correlation_id", "5f0c3a9d1e2b4c6a8f7e6d5c4b3a2910");
        mdc.put("shard", "7");
        assertEquals("{\"@timestamp\":\"1970-01-01T00:00:00Z\",\"@version\":\"1\",\"message\":\"m\",\"logger_name\":\"t\","
                + "\"thread_name\":\"main\",\"level\":\"INFO\",\"level_value\":20000,"
                + "\"correlation_id\":\"5f0c3a9d1e2b4c6a8f7e6d5c4b3a2910\",\"shard\":7}", encode(encoder, context));
    }

    private static LoggerContext context(LogbackMDCAdapter mdc) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(mdc);
        return context;
    }

    private static String encode(LogstashEncoder encoder, LoggerContext context) {
        return EncodedLine.of(encoder, context, "m");
    }
}
