package dev.logtally.cli;

import dev.logtally.archive.ArchiveScan;
import picocli.CommandLine.Option;

/**
 * The reading options {@code replay}, {@code errors} and {@code trace} share, as a picocli mixin: how many
 * files are read at once and whether the progress bar shows when stderr is not a terminal. One place, so
 * the three commands cannot drift apart in name, help or default.
 *
 * <pre>{@code
 * @Mixin ScanOptions scan;
 * ... new TraceTool.Request(id, paths, options, json, scan.threads(), scan.progress) ...
 * }</pre>
 */
final class ScanOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: one per core).")
    Integer threads;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    /** {@code --threads}, or one per core when it is not given. */
    int threads() {
        return threads == null ? ArchiveScan.defaultThreads() : threads;
    }
}
