package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dotted {@code fields.*} names ({@code log.level}, as ECS writes): the golden case {@code ecs-nested}
 * through the Jackson path and the byte scanner (both must give its expected events), and how the name
 * table is built from such names.
 */
class DottedFieldPathsTest {

    @Test
    void theEcsNestedGoldenCaseThroughBothPaths() throws IOException {
        ParserOptions options = LineParserGoldenTest.options("ecs-nested");
        List<byte[]> lines = Golden.lines(Golden.resource("ecs-nested.jsonl"));
        Golden.check("ecs-nested", Golden.render(lines, new LineParser(options, false)));
        Golden.check("ecs-nested", Golden.render(lines, new LineParser(options, true)));
    }

    @Test
    void everyDottedPrefixIsANestedNameUnlessItIsAFieldItself() {
        FieldTable t = new FieldTable(ParserOptions.builder().name(LogField.LEVEL, "log.level")
                .name(LogField.SERVICE, "log").gauges(List.of("a.b.c")).build());
        assertEquals(FieldTable.LEVEL, t.kinds[t.names.slot("log.level")]);
        assertEquals(FieldTable.SERVICE, t.kinds[t.names.slot("log")], "a configured field stays that field");
        FieldTable a = t.nested[t.names.slot("a")];
        FieldTable ab = t.nested[t.names.slot("a.b")];
        assertEquals(FieldTable.GAUGE, a.kinds[a.names.slot("b.c")]);
        assertEquals(FieldTable.GAUGE, ab.kinds[ab.names.slot("c")]);
        FieldTable b = a.nested[a.names.slot("b")];
        assertEquals(FieldTable.GAUGE, b.kinds[b.names.slot("c")]);
        assertNull(t.nested[t.names.slot("log.level")]);
    }

    @Test
    void withoutDotsTheTableHasOnlyTheFields() {
        FieldTable t = new FieldTable(ParserOptions.defaults());
        for (int slot = 0; slot < t.kinds.length; slot++) {
            assertNull(t.nested[slot]);
        }
        assertEquals(-1, t.names.slot("log"));
    }
}
