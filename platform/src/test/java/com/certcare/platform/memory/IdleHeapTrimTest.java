package com.certcare.platform.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The trim's decisions against a fake heap (a unit test of one class); the JVM's readings below. */
class IdleHeapTrimTest {

    private static final long MB = 1L << 20;

    /** A heap whose collections and committed old generation the test sets; a full collection shrinks it. */
    private static final class FakeHeap implements IdleHeapTrim.Heap {
        long collections;
        long oldCommitted = 30 * MB;
        long afterFullCollection = 30 * MB;
        boolean ignoresRequests;
        int fullCollections;

        @Override
        public long collections() {
            return collections;
        }

        @Override
        public long oldCommitted() {
            return oldCommitted;
        }

        @Override
        public void collect() {
            if (ignoresRequests) {
                return;
            }
            fullCollections++;
            collections++;
            oldCommitted = afterFullCollection;
        }
    }

    private final FakeHeap heap = new FakeHeap();
    private final Counter trims = new SimpleMeterRegistry().counter("trims");
    private final IdleHeapTrim trim = new IdleHeapTrim(heap, true, 8 * MB, trims);

    /** Start-up's collections count as work: its quiet spell trims once, to 30 MB. */
    private void started() {
        trim.look();
        assertTrue(trim.look());
        assertEquals(30 * MB, heap.oldCommitted);
    }

    @Test
    void collectsOnceWhenTheHeapGoesQuietAfterWork() {
        started();
        heap.collections += 40; // a flood: the old generation grows to 88 MB
        heap.oldCommitted = 88 * MB;
        heap.afterFullCollection = 45 * MB;
        assertFalse(trim.look(), "still collecting: busy");
        assertTrue(trim.look(), "quiet after work, grown by 58 MB");
        assertEquals(45 * MB, heap.oldCommitted);
        assertFalse(trim.look(), "its own collection is not work");
        assertFalse(trim.look());
        heap.collections++; // an idle young collection, nothing promoted
        assertFalse(trim.look());
        assertFalse(trim.look(), "quiet again, but not grown since the trim");
        assertEquals(2, heap.fullCollections);
        assertEquals(2.0, trims.count());
    }

    @Test
    void neverWhileTheHeapKeepsCollecting() {
        started();
        heap.oldCommitted = 88 * MB;
        for (int i = 0; i < 10; i++) {
            heap.collections += 3;
            assertFalse(trim.look());
        }
        assertEquals(1, heap.fullCollections);
    }

    @Test
    void onlyWhenTheOldGenerationGrewEnoughSinceTheLastTrim() {
        started();
        heap.collections++;
        heap.oldCommitted = 37 * MB;
        assertFalse(trim.look());
        assertFalse(trim.look(), "grown by 7 MB, below the 8 MB minimum");
        heap.collections++;
        heap.oldCommitted = 38 * MB;
        assertFalse(trim.look());
        assertTrue(trim.look(), "grown by 8 MB since the last trim");
        assertEquals(2, heap.fullCollections);
    }

    @Test
    void aJvmThatIgnoresTheRequestTurnsItOff() {
        heap.ignoresRequests = true; // -XX:+DisableExplicitGC
        heap.oldCommitted = 88 * MB;
        trim.look();
        assertFalse(trim.look(), "asked, but nothing was collected: not counted");
        assertEquals(0.0, trims.count());
        heap.ignoresRequests = false;
        for (int i = 0; i < 4; i++) {
            heap.collections += i % 2;
            assertFalse(trim.look(), "off from then on");
        }
        assertEquals(0, heap.fullCollections);
    }

    @Test
    void quietWithoutWorkBeforeItDoesNothing() {
        started();
        heap.oldCommitted = 88 * MB; // grown, but no collection since: nothing ran that left garbage
        for (int i = 0; i < 5; i++) {
            assertFalse(trim.look());
        }
        assertEquals(1, heap.fullCollections);
    }

    @Test
    void offDoesNothing() {
        IdleHeapTrim off = new IdleHeapTrim(heap, false, 8 * MB, trims);
        heap.oldCommitted = 88 * MB;
        off.look();
        heap.collections++;
        off.look();
        assertFalse(off.look());
        assertEquals(0, heap.fullCollections);
    }

    @Test
    void theOldGenerationPoolsOfTheCollectorsItReads() {
        // The services run -XX:+UseSerialGC (deploy/local/run.sh): its old generation pool is "Tenured Gen".
        assertTrue(IdleHeapTrim.JvmHeap.isOldGeneration("Tenured Gen"));
        assertTrue(IdleHeapTrim.JvmHeap.isOldGeneration("G1 Old Gen"));
        assertTrue(IdleHeapTrim.JvmHeap.isOldGeneration("PS Old Gen"));
        for (String young : new String[] { "Eden Space", "Survivor Space", "G1 Eden Space", "G1 Survivor Space",
                "PS Eden Space", "Shenandoah", "ZGC Old Generation", "Metaspace" }) {
            assertFalse(IdleHeapTrim.JvmHeap.isOldGeneration(young), young);
        }
    }

    @Test
    void theJvmsOwnReadingsUnderTheCollectorTheTestsRun() {
        // surefire runs the JVM's default collector (G1 on this machine), whose pool the trim reads as well
        IdleHeapTrim.Heap jvm = IdleHeapTrim.JvmHeap.find().orElseThrow();
        long before = jvm.collections();
        jvm.collect();
        assertTrue(jvm.collections() > before, "System.gc() counted as a collection");
        assertTrue(jvm.oldCommitted() > 0);
    }
}
