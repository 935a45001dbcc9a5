/**
 * The archive tools: {@code logtally replay}, {@code trace} and {@code errors} over plain, rotated,
 * {@code .gz} and Logback {@code *.tmp} logs, with {@code tail}'s own parse and aggregate stages.
 *
 * <ul>
 *   <li>Inputs: {@link dev.logtally.archive.LogInputs} (files, directories, globs; a {@code .gz} still being
 *       compressed is skipped for its uncompressed sibling), {@link dev.logtally.archive.FirstEvents} (oldest
 *       first event first), {@link dev.logtally.archive.ArchiveScan} (one whole file per task, results in file
 *       order, damage and unreadable files as one-line problems).</li>
 *   <li>{@link dev.logtally.archive.Replay}: one {@link dev.logtally.pipeline.Pipeline} per file, summed in file order
 *       ({@link dev.logtally.aggregate.SnapshotSum}), read again sequentially when the cardinality guard had to
 *       fold values ({@link dev.logtally.aggregate.GuardCheck}); with a step, cumulative points in event time
 *       ({@link dev.logtally.archive.StepRecorder}, {@link dev.logtally.archive.StepMerge}) labelled
 *       {@code source="backfill"} ({@link dev.logtally.archive.BackfillLabel}).</li>
 *   <li>{@link dev.logtally.archive.Trace}: a byte search ({@link dev.logtally.archive.ByteNeedle}) before any
 *       parse; {@link dev.logtally.archive.Errors}: Sentry-like groups by error type and stack hash.</li>
 *   <li>{@link dev.logtally.archive.ErrorsQuery}: the time window, the files and {@code Errors} in one call,
 *       for {@code logtally errors} and the issues page alike.</li>
 * </ul>
 *
 * <p>Nothing here draws: the engines return records and report how far they have come through
 * {@link dev.logtally.archive.Progress}; tables, listings, JSON lines and progress bars are {@code cli}'s
 * ({@code ReplayTool}, {@code TraceTool}, {@code ErrorsTool}, {@code Terminal}).
 *
 * <pre>{@code
 * Options options = OptionsLoader.load(null, Map.of("namespace", "loka_stratum"), System.getenv());
 * List<LogFile> files = ArchiveRun.files(List.of("samples/logs"), options, System.err);
 * Replay.Result r = new Replay(options, Clock.systemUTC(), 2, 0).run(files, Progress.NONE);
 * }</pre>
 */
package dev.logtally.archive;
