package dev.logtally.parse;

import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffer pool for a factory used by one thread only: it keeps the one {@link BufferRecycler}
 * that thread needs, with none of the default pool's concurrent-deque traffic (a measurable share of a
 * parser's start-up, which the parser pays once per line).
 *
 * <pre>{@code
 * JsonFactory json = JsonFactory.builder().recyclerPool(new SingleThreadRecyclerPool()).build();
 * }</pre>
 */
final class SingleThreadRecyclerPool implements RecyclerPool<BufferRecycler> {
    private static final long serialVersionUID = 1L;

    private transient BufferRecycler idle;

    @Override
    public BufferRecycler acquirePooled() {
        BufferRecycler r = idle;
        if (r == null) {
            return new BufferRecycler();
        }
        idle = null;
        return r;
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        idle = recycler;
    }
}
