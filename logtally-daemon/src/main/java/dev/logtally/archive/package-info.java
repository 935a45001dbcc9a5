/**
 * The archive tools: {@code logtally replay}, {@code trace} and {@code errors} over plain, rotated,
 * {@code .gz} and Logback {@code *.tmp} logs, with {@code tail}'s own parse and aggregate stages.
 *
 * <ul>
 *   <li>Inputs: {@link dev.logtally.archive.LogInputs} (files, directories, globs; a {@code .gz} still being
 *       compressed is skipped for its uncompressed sibling), {@link dev.logtally.archive.FileOrder} (oldest
 *       first event first), {@link dev.logtally.archive.ArchiveScan} (one whole file per task, results in file
 *       order, damage and unreadable files as one-line problems).</li>
 *   <li>{@link dev.logtally.archive.Replay}: one {@link dev.logtally.pipeline.Pipeline} per file, summed in file order
 *       ({@link dev.logtally.aggregate.SnapshotSum}), read again sequentially when the cardinality guard had to
 *       fold values ({@link dev.logtally.aggregate.GuardCheck}); with a step, cumulative points in event time
 *       ({@link dev.logtally.archive.StepRecorder}, {@link dev.logtally.archive.StepMerge}) labelled
 *       {@code source="backfill"} ({@link dev.logtally.archive.BackfillLabel}).</li>
 *   <li>{@link dev.logtally.archive.Trace}: a byte search ({@link dev.logtally.archive.ByteNeedle}) before any
 *       parse; {@link dev.logtally.archive.Errors}: Sentry-like groups by error type and stack hash.</li>
 *   <li>{@link dev.logtally.archive.ReplayTool}, {@link dev.logtally.archive.TraceTool},
 *       {@link dev.logtally.archive.ErrorsTool}: from arguments to output and exit code, with the streams and
 *       clock given, so the picocli commands stay thin and the tests drive the real thing.</li>
 * </ul>
 *
 * <pre>{@code
 * Options options = OptionsLoader.load(null, Map.of("namespace", "loka_stratum"), System.getenv());
 * int code = ReplayTool.run(new ReplayTool.Request(List.of("samples/logs"), options,
 *         ReplayTool.Format.PROMETHEUS, null, 2, false), System.out, System.err, Clock.systemUTC());
 * }</pre>
 */
package dev.logtally.archive;
