package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.logtally.testing.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code logback/logback.xml}, the complete example, works as shipped: only logtally.dir is set here. */
class ExampleConfigTest {

    @Test
    void theExampleLogsThroughTheDropIn(@TempDir Path dir) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putProperty("logtally.dir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Project.dir().resolve("logback/logback.xml").toFile());
        assertEquals(List.of(), DropIn.problems(context));
        context.getLogger("example").info("hello");
        context.getLogger("example").debug("below the example's INFO root");
        context.stop();
        try (var files = Files.list(dir)) {
            assertEquals(List.of("myservice.log"), files.map(DropIn::name).toList());
        }
        List<String> lines = DropIn.read(dir.resolve("myservice.log"));
        assertEquals(1, lines.size());
        JsonNode e = JsonMapper.builder().build().readTree(lines.get(0));
        assertEquals(List.of("hello", "myservice", "INFO"),
                List.of(e.path("message").asString(), e.path("service").asString(), e.path("level").asString()));
        assertEquals(false, e.has("release"));
    }
}
