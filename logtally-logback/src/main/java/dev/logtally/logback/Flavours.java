package dev.logtally.logback;

/**
 * The {@link JsonFlavour} this JVM runs, chosen once, when the Java API or {@link LogtallyEncoder} is first
 * used, from what {@link StackCheck} found. The flavour is loaded by name, so the classes of the flavour not
 * chosen (compiled against a Jackson the service does not have) are never loaded.
 *
 * <pre>{@code
 * Object field = Flavours.CURRENT.keyValue("active_connections", 42L);
 * if (Flavours.PROBLEM != null) addError(Flavours.PROBLEM); // in an encoder's start()
 * }</pre>
 */
final class Flavours {
    private static final StackCheck CHECK = StackCheck.of(Flavours.class.getClassLoader());
    /** The flavour every event of this JVM goes through. */
    static final JsonFlavour CURRENT;
    /** Why the stack is refused (the drop-in then writes minimal lines), or null when it is supported. */
    static final String PROBLEM;

    static {
        JsonFlavour flavour;
        String problem = CHECK.problem();
        try {
            flavour = (JsonFlavour) Class.forName(CHECK.flavour()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            flavour = new PlainFlavour();
            problem = "logtally: cannot load " + CHECK.flavour() + " (" + e + "); logtally-logback needs "
                    + StackCheck.REQUIRED + ". Writing minimal JSON lines instead.";
        }
        CURRENT = flavour;
        PROBLEM = problem;
    }

    private Flavours() {
    }
}
