package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The provider's configuration checks, reported through Logback's status system. */
class ServiceJsonProviderTest {

    private static String write(ServiceJsonProvider provider) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonMapper.builder().build().createGenerator(out)) {
            g.writeStartObject();
            provider.writeTo(g, null);
            g.writeEndObject();
        }
        return out.toString();
    }

    @Test
    void blankServiceIsAnErrorAndFallsBackToApp() {
        LoggerContext context = new LoggerContext();
        ServiceJsonProvider provider = new ServiceJsonProvider();
        provider.setContext(context);
        provider.setService("  ");
        provider.setRelease(" 1.0 ");
        provider.start();
        List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR).map(Status::getMessage).collect(Collectors.toList());
        assertEquals(List.of("logtally: the service name (property logtally.service) is empty; writing \"service\":\"app\""), errors);
        assertEquals("{\"service\":\"app\",\"release\":\"1.0\"}", write(provider));
    }

    @Test
    void nullOrBlankReleaseIsLeftOut() {
        for (String release : new String[] {null, "", " \t"}) {
            ServiceJsonProvider provider = new ServiceJsonProvider();
            provider.setContext(new LoggerContext());
            provider.setService("loka-stratum");
            provider.setRelease(release);
            provider.start();
            assertEquals("{\"service\":\"loka-stratum\"}", write(provider));
        }
    }
}
