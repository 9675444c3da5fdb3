package com.certcare.feedback.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.certcare.platform.problem.ProblemException;

/** What a topic is: NFKC, one space, stripped, at most 40 characters; duplicates after normalisation merge. */
class TopicsTest {

    @Test
    void fullWidthFormsAndSpacesAreNormalised() {
        assertEquals("ISO 9001 换版", Topics.normalise("　ＩＳＯ　９００１ \t 换版  "));
        assertEquals(List.of("ISO 9001 换版", "审核时间安排"),
                TopicService.check(List.of("审核时间安排", "ISO 9001 换版", "ＩＳＯ ９００１　换版")));
    }

    @Test
    void aTopicOfFortyCharactersPassesAndFortyOneIsNamed() {
        String forty = "审".repeat(40);
        assertEquals(List.of(forty), TopicService.check(List.of(forty)));
        ProblemException e = assertThrows(ProblemException.class, () -> TopicService.check(List.of("ok", forty + "审", " ")));
        assertEquals(List.of("topics[1]", "topics[2]"), e.violations().stream().map(ProblemException.Violation::field).toList());
        assertEquals("too-long", e.violations().get(0).messageKey());
        assertEquals("required", e.violations().get(1).messageKey());
    }

    @Test
    void aCharacterBeyondTheBmpCountsOnce() {
        String twenty = "𠀀".repeat(40);
        assertEquals(40, Topics.length(twenty));
        assertEquals(List.of(twenty), TopicService.check(List.of(twenty)));
    }

    @Test
    void nullTopicsOrMoreThanTenAreRefused() {
        assertEquals("topics", assertThrows(ProblemException.class, () -> TopicService.check(null)).violations().get(0).field());
        String[] eleven = new String[11];
        Arrays.setAll(eleven, i -> "主题" + i);
        assertEquals("too-many", assertThrows(ProblemException.class, () -> TopicService.check(List.of(eleven)))
                .violations().get(0).messageKey());
    }
}
