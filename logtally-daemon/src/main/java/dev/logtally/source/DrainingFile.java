package dev.logtally.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A followed file that was rotated away (renamed or deleted): read on through its open channel to its
 * end, then for {@code rotate.wait} more after its last growth, because a writer may still hold it open
 * for a moment (late writes); then closed.
 *
 * <pre>{@code
 * backlog.add(new DrainingFile(current, clock.millis(), rotateWaitMillis));
 * }</pre>
 */
final class DrainingFile implements Pending {
    private final LiveFile file;
    private final long rotatedAt;
    private final long waitMillis;

    DrainingFile(LiveFile file, long rotatedAt, long waitMillis) {
        this.file = file;
        this.rotatedAt = rotatedAt;
        this.waitMillis = waitMillis;
    }

    @Override
    public long read(LineSink sink, int budget, long now) throws IOException {
        long n = file.read(sink, budget, now);
        file.refreshSize();
        return n;
    }

    @Override
    public boolean caughtUp() {
        return file.atEof();
    }

    @Override
    public boolean finished(long now) {
        return file.atEof() && now - Math.max(rotatedAt, file.lastGrowth()) >= waitMillis;
    }

    @Override
    public void flush(LineSink sink) {
        file.flush(sink);
    }

    @Override
    public FilePosition position(String stream) {
        return file.position(stream);
    }

    @Override
    public boolean hasKey(Object key) {
        return file.hasKey(key);
    }

    @Override
    public Path path() {
        return file.path();
    }

    @Override
    public void renamedTo(Path p) {
        file.renamedTo(p);
    }

    @Override
    public long lag() {
        return file.lag();
    }

    @Override
    public long pendingBytes() {
        return file.pendingBytes();
    }

    @Override
    public String damage() {
        return null;
    }

    @Override
    public void close() {
        file.close();
    }
}
