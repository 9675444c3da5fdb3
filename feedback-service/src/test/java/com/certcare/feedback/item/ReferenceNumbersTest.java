package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.TECH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Items posted at once get references without duplicate or gap: FK-yyyy-NNNNN, consecutive. */
@QuarkusTest
class ReferenceNumbersTest {

    @Test
    void itemsPostedAtOnceAreNumberedWithoutDuplicateOrGap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Long> numbers = new ArrayList<>();
        try {
            Callable<String> post = () -> Feedback.post(TECH, "OPINION").getString("reference");
            for (var answer : pool.invokeAll(java.util.Collections.nCopies(12, post))) {
                String reference = answer.get();
                assertTrue(reference.matches("FK-\\d{4}-\\d{5}"), reference);
                numbers.add(Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1)));
            }
        } finally {
            pool.shutdown();
        }
        numbers.sort(null);
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "consecutive: " + numbers);
        }
    }
}
