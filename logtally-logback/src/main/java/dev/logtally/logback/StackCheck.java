package dev.logtally.logback;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

/**
 * Which logging stack the service runs on, and which {@link JsonFlavour} writes its lines: read once, from the
 * versions the jars declare ({@code META-INF/maven/.../pom.properties}) and the classes present. Supported:
 * Logback 1.5.x or 1.6.x with logstash-logback-encoder 8.x and Jackson 2.14+ ({@code Jackson2Flavour}), or with
 * logstash-logback-encoder 9.x and Jackson 3.x ({@link Jackson3Flavour}). Anything else gets a
 * {@link #problem()} naming what was found and what is needed, and {@link PlainFlavour}.
 *
 * <pre>{@code
 * StackCheck check = StackCheck.of(StackCheck.class.getClassLoader());
 * if (check.problem() != null) addError(check.problem());
 * }</pre>
 *
 * @param flavour the class name of the flavour to load
 * @param problem why the stack is refused, or null when it is supported
 */
record StackCheck(String flavour, String problem) {
    /** What the drop-in runs on, as the refusal message says it. */
    static final String REQUIRED = "Logback 1.5.x or 1.6.x with logstash-logback-encoder 8.x and Jackson 2.14+ "
            + "(com.fasterxml.jackson.core:jackson-databind), or with logstash-logback-encoder 9.x and Jackson 3.x "
            + "(tools.jackson.core:jackson-databind)";
    static final String JACKSON3 = "dev.logtally.logback.Jackson3Flavour";
    static final String JACKSON2 = "dev.logtally.logback.Jackson2Flavour";
    static final String PLAIN = "dev.logtally.logback.PlainFlavour";

    /** The stack {@code loader} sees. */
    static StackCheck of(ClassLoader loader) {
        String logback = version(loader, "ch.qos.logback", "logback-core");
        String encoder = present(loader, "net.logstash.logback.encoder.LogstashEncoder")
                ? orUnknown(version(loader, "net.logstash.logback", "logstash-logback-encoder")) : null;
        String jackson2 = present(loader, "com.fasterxml.jackson.databind.ObjectMapper")
                ? orUnknown(version(loader, "com.fasterxml.jackson.core", "jackson-databind")) : null;
        String jackson3 = present(loader, "tools.jackson.databind.ObjectMapper")
                ? orUnknown(version(loader, "tools.jackson.core", "jackson-databind")) : null;
        // "found ...": what the refusal names (mutable: a broken Jackson adds to it).
        String found = "found Logback " + orUnknown(logback)
                + ", logstash-logback-encoder " + (encoder == null ? "(none)" : encoder)
                + ", Jackson " + jackson(jackson2, jackson3);
        int[] lb = numbers(logback);
        boolean logbackOk = lb == null || lb[0] == 1 && (lb[1] == 5 || lb[1] == 6);
        int[] enc = numbers(encoder);
        String flavour = null;
        if (logbackOk && enc != null && enc[0] == 9 && jackson3 != null) {
            flavour = JACKSON3;
        } else if (logbackOk && enc != null && enc[0] == 8 && jackson2 != null
                && hasField(loader, "com.fasterxml.jackson.core.StreamWriteFeature", "USE_FAST_DOUBLE_WRITER")) {
            flavour = JACKSON2;
        }
        if (flavour != null) {
            String broken = initialize(loader, flavour.equals(JACKSON3) ? "tools.jackson" : "com.fasterxml.jackson");
            if (broken == null) {
                return new StackCheck(flavour, null);
            }
            found += " with jackson-annotations "
                    + orUnknown(version(loader, "com.fasterxml.jackson.core", "jackson-annotations")) + " (" + broken + ")";
        }
        return new StackCheck(PLAIN, "logtally: unsupported logging stack: " + found + "; logtally-logback needs "
                + REQUIRED + ". Writing minimal JSON lines instead (no stack_hash, stack traces unshortened) "
                + "until the service's dependencies are fixed.");
    }

    /**
     * Null when databind's annotation reader initializes, else the error: a databind newer than its
     * jackson-annotations (Maven picks the service's older one) fails there, on the first line written.
     */
    private static String initialize(ClassLoader loader, String jacksonPackage) {
        try {
            Class.forName(jacksonPackage + ".databind.introspect.JacksonAnnotationIntrospector", true, loader);
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return e.toString();
        }
    }

    /** Whether the class exists with that public field (Jackson 2.14 added the one the Jackson 2 flavour reads). */
    private static boolean hasField(ClassLoader loader, String className, String field) {
        try {
            Class.forName(className, false, loader).getField(field);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    private static String jackson(String jackson2, String jackson3) {
        if (jackson2 == null && jackson3 == null) {
            return "(none)";
        }
        if (jackson2 == null || jackson3 == null) {
            return jackson2 == null ? jackson3 : jackson2;
        }
        return jackson2 + " and " + jackson3;
    }

    private static String orUnknown(String version) {
        return version == null ? "(version unknown)" : version;
    }

    private static boolean present(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The version in a jar's {@code pom.properties}, or null. */
    private static String version(ClassLoader loader, String group, String artifact) {
        URL url = loader.getResource("META-INF/maven/" + group + "/" + artifact + "/pom.properties");
        if (url == null) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        return p.getProperty("version");
    }

    /** Major and minor of a version such as {@code 1.5.18} or {@code 9.0}, or null when it has none. */
    private static int[] numbers(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("[.-]", 3);
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
