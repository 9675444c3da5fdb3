package com.certcare.application.contract;

import com.certcare.platform.numbering.NumberCounters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import com.certcare.platform.time.ClockProducer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract numbers against the real PostgreSQL: many at once are unique and without gaps (rolled-back creations
 * give theirs back), the sequence restarts with the year of the Asia/Shanghai clock, and a number is only taken
 * inside a transaction. Each test numbers in a year of its own, far from any other test's.
 */
@QuarkusTest
class ContractNumbersTest {

    static final int THREADS = 16;
    static final int EACH = 25;

    /** A year no other test numbers in (the database lives for the module's whole test run). */
    static final int YEAR = ThreadLocalRandom.current().nextInt(3000, 8000);

    @Inject
    ContractNumbers numbers;
    @Inject
    ContractConfig config;
    @Inject
    EntityManager em;
    @Inject
    NumberCounters counters;

    @Test
    void sixteenThreadsAtOnceGetOneToNWithoutDuplicateOrGapThoughSomeRollBack() throws Exception {
        LocalDate on = LocalDate.of(YEAR, 6, 1);
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger rolledBack = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EACH; i++) {
                        boolean rollBack = (thread * EACH + i) % 7 == 3;
                        String[] number = new String[1];
                        try {
                            QuarkusTransaction.requiringNew().run(() -> {
                                number[0] = numbers.next(on);
                                if (rollBack) {
                                    QuarkusTransaction.setRollbackOnly();
                                }
                            });
                            if (rollBack) {
                                rolledBack.incrementAndGet();
                            } else {
                                committed.add(number[0]);
                            }
                        } catch (QuarkusTransactionException e) {
                            if (!rollBack) {
                                throw e;
                            }
                            // marked rollback-only: the commit became a rollback, and the number went back
                            rolledBack.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int n = THREADS * EACH - rolledBack.get();
        assertTrue(rolledBack.get() > 0, "some creations rolled back");
        assertEquals(n, committed.size());
        TreeSet<Long> seqs = new TreeSet<>();
        for (String number : committed) {
            assertTrue(number.matches("ZLCC-" + YEAR + "-\\d{4}"), number);
            assertTrue(seqs.add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1))), "duplicate " + number);
        }
        assertEquals(LongStream.rangeClosed(1, n).boxed().toList(), List.copyOf(seqs), "1.." + n + " without a gap");
        assertEquals(n, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select last_issued from number_counter where series = 'contract' and period = :p")
                .setParameter("p", String.valueOf(YEAR)).getSingleResult()).longValue()));
    }

    @Test
    void theSequenceRestartsWhenTheYearTurnsInShanghaiNotInUtc() {
        int year = YEAR + 100;
        // 23:59:59 on 31 December in Shanghai, and one second later: 1 January there, still 31 December in UTC
        Instant lastSecond = ZonedDateTime.of(year, 12, 31, 23, 59, 59, 0, ClockProducer.ZONE).toInstant();
        Instant newYear = lastSecond.plusSeconds(1);
        ContractNumbers onNewYearsEve = new ContractNumbers(config, counters, Clock.fixed(lastSecond, ClockProducer.ZONE));
        ContractNumbers onNewYearsDay = new ContractNumbers(config, counters, Clock.fixed(newYear, ClockProducer.ZONE));

        assertEquals("ZLCC-" + year + "-0001", inTransaction(onNewYearsEve));
        assertEquals("ZLCC-" + year + "-0002", inTransaction(onNewYearsEve));
        assertEquals("ZLCC-" + (year + 1) + "-0001", inTransaction(onNewYearsDay), "UTC is still " + year + " here");
        assertEquals("ZLCC-" + (year + 1) + "-0002", inTransaction(onNewYearsDay));
        assertEquals("ZLCC-" + year + "-0003", inTransaction(onNewYearsEve), "each year keeps its own counter");
    }

    @Test
    void aNumberIsOnlyTakenInsideTheCallersTransaction() {
        assertThrows(TransactionalException.class, () -> numbers.next(LocalDate.of(YEAR + 200, 1, 1)));
        assertEquals("ZLCC-" + (YEAR + 200) + "-0001",
                QuarkusTransaction.requiringNew().call(() -> numbers.next(LocalDate.of(YEAR + 200, 1, 1))));
    }

    private static String inTransaction(ContractNumbers numbers) {
        return QuarkusTransaction.requiringNew().call(numbers::next);
    }
}
