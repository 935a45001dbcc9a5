package dev.logtally.base;

/**
 * A configuration value that cannot work, found at start-up: its message names the key (or flag) and
 * says what is wrong, in one line. The CLI turns it into exit code 2.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** Why a file could not be read, in words for a one-line message ({@code no such file}, {@code permission denied}). */
    public static String reason(java.io.IOException e) {
        return switch (e.getClass().getSimpleName()) {
            case "NoSuchFileException", "FileNotFoundException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            case "NotDirectoryException" -> "not a directory";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** The configuration key or flag at fault. */
    public String key() {
        return key;
    }
}
