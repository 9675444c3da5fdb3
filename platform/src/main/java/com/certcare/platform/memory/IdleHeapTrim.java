package com.certcare.platform.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Gives the heap that a burst of work left behind back to the machine once the service is quiet again.
 *
 * <p>The services run the serial collector (the least CPU and memory per request on these machines), which
 * never shrinks its old generation by itself: after a flood of list pages or an import the old generation
 * stays committed at its peak (measured: 70-107 MB for ~40 MB live, 30-60 MB of RSS) until the next full
 * collection, which an idle service never reaches. So every {@code certcare.memory.idle-trim.interval} (5 s)
 * this looks whether the heap collected anything since the last look: if it did, the service is busy; if it
 * did not, after having been busy, the service has gone quiet, and when the old generation has grown by at
 * least {@code min-growth} since the last trim it asks for one full collection, after which the JVM shrinks
 * the old generation to its {@code MaxHeapFreeRatio} (at once with {@code -XX:-ShrinkHeapInSteps}, as run.sh
 * starts the services; otherwise a quarter at a time). Start-up counts as work and the first baseline is
 * nothing, so the first quiet look after start trims once (start-up's garbage). At most one per quiet spell,
 * never while the heap is collecting: a pause of tens of milliseconds with nobody waiting. A JVM that ignores
 * the request ({@code -XX:+DisableExplicitGC}) turns the trim off, with a warning. (G1 does the same by
 * itself with {@code G1PeriodicGCInterval}, but costs more memory on these machines.)
 */
@ApplicationScoped
public class IdleHeapTrim {

    private static final Logger LOG = Logger.getLogger(IdleHeapTrim.class);

    @ConfigMapping(prefix = "certcare.memory.idle-trim")
    public interface Config {
        /**
         * Whether a quiet service gives its unused old generation back. ({@code interval}, read by the schedule
         * alone: how often the heap is looked at, 5 s; a look with no collection since the last means quiet.)
         */
        @WithDefault("true")
        boolean enabled();

        /** How much the old generation must have grown since the last trim before a quiet spell trims it. */
        @WithDefault("8M")
        MemorySize minGrowth();
    }

    /** What the trim reads from and does to the heap: the JVM's in production, a fake in its unit test. */
    public interface Heap {
        /** Collections of any kind since the JVM started. */
        long collections();

        /** Bytes of the old generation committed (what it holds of the machine's memory). */
        long oldCommitted();

        /** Asks for a full collection. */
        void collect();
    }

    private final Heap heap;
    private boolean enabled;
    private final long minGrowth;
    private final Counter trims;
    private long lastCollections = -1;
    private boolean busy;
    private long committedAfterTrim;

    @Inject
    IdleHeapTrim(Config config, MeterRegistry meters) {
        this(JvmHeap.find().orElse(null), config.enabled(), config.minGrowth().asLongValue(),
                Counter.builder("certcare.idle.heap.trims").description(
                        "Full collections asked for because the service went quiet with unused old generation")
                        .register(meters));
        if (config.enabled() && heap == null) {
            LOG.info("Idle heap trim is off: this collector has no old generation pool to read");
        }
    }

    /** For the unit test: any heap, no registry. */
    public IdleHeapTrim(Heap heap, boolean enabled, long minGrowth, Counter trims) {
        this.heap = heap;
        this.enabled = enabled && heap != null;
        this.minGrowth = minGrowth;
        this.trims = trims;
    }

    @Scheduled(every = "${certcare.memory.idle-trim.interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        look();
    }

    /** One look at the heap; returns whether it asked for a full collection. */
    public synchronized boolean look() {
        if (!enabled) {
            return false;
        }
        long collections = heap.collections();
        boolean collectedSinceLastLook = collections != lastCollections;
        lastCollections = collections;
        if (collectedSinceLastLook) {
            busy = true;
            return false;
        }
        if (!busy) {
            return false;
        }
        busy = false;
        long before = heap.oldCommitted();
        if (before - committedAfterTrim < minGrowth) {
            return false;
        }
        heap.collect();
        long after = heap.collections();
        if (after == collections) {
            enabled = false;
            LOG.warn("Idle heap trim is off: the JVM ignored the request for a full collection (-XX:+DisableExplicitGC?)");
            return false;
        }
        lastCollections = after; // its own collection is not work
        committedAfterTrim = heap.oldCommitted();
        trims.increment();
        LOG.debugf("Quiet after work: one full collection took the old generation from %d to %d MB",
                before >> 20, committedAfterTrim >> 20);
        return true;
    }

    /** The running JVM's collectors and old generation pool. */
    static final class JvmHeap implements Heap {
        private final List<GarbageCollectorMXBean> collectors;
        private final MemoryPoolMXBean old;

        private JvmHeap(List<GarbageCollectorMXBean> collectors, MemoryPoolMXBean old) {
            this.collectors = collectors;
            this.old = old;
        }

        /** The JVM's heap, when its collector has a pool named as an old generation (serial, parallel, G1). */
        static Optional<Heap> find() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .filter(p -> isOldGeneration(p.getName()))
                    .findFirst()
                    .map(p -> new JvmHeap(ManagementFactory.getGarbageCollectorMXBeans(), p));
        }

        /** The old generation's pool name: serial "Tenured Gen", parallel "PS Old Gen", G1 "G1 Old Gen". */
        static boolean isOldGeneration(String poolName) {
            return poolName.equals("Tenured Gen") || poolName.endsWith(" Old Gen");
        }

        @Override
        public long collections() {
            long sum = 0;
            for (GarbageCollectorMXBean c : collectors) {
                sum += Math.max(0, c.getCollectionCount());
            }
            return sum;
        }

        @Override
        public long oldCommitted() {
            MemoryUsage usage = old.getUsage();
            return usage == null ? 0 : usage.getCommitted();
        }

        @Override
        public void collect() {
            System.gc();
        }
    }
}
