package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The page's reading threads run at nice 19; the thread that made them keeps its own priority. */
class LowPriorityTest {
    @Test
    void threadsOfTheFactoryRunAtTheLowestPriorityAndOthersAreUntouched() throws Exception {
        int mine = LowPriority.niceOfThisThread();
        ExecutorService pool = Executors.newSingleThreadExecutor(LowPriority.threads("test-low"));
        try {
            int[] seen = pool.submit(() -> new int[] {LowPriority.niceOfThisThread(),
                Thread.currentThread().getName().equals("test-low-1") ? 1 : 0}).get(120, TimeUnit.SECONDS);
            assertEquals(LowPriority.NICE, seen[0], "nice value of the page's thread (renice is in Debian's bsdutils)");
            assertEquals(1, seen[1]);
            assertTrue(Thread.currentThread().isAlive());
            assertEquals(mine, LowPriority.niceOfThisThread());
        } finally {
            pool.shutdownNow();
        }
    }
}
