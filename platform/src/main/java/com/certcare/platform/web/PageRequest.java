package com.certcare.platform.web;

import java.util.List;

import com.certcare.platform.problem.Violations;

/**
 * The page of a list a caller asks for ({@code ?page=&size=}, page from 1): the one paging rule of every list, so
 * no list answers a page 0, an unbounded size or a page a million rows deep differently from another.
 */
public record PageRequest(int page, int size) {

    /** Rows read past before a page at most: a deeper page is refused rather than scanned (and int-overflowed). */
    public static final long MAX_OFFSET = 1_000_000;

    /**
     * The page asked for, absent values taken as the first page of {@code defaultSize} rows. Every bad value goes
     * to {@code v} naming its parameter ({@code page}, {@code size}); the caller throws once it has checked the rest
     * of the request, so all bad parameters are reported together.
     */
    public static PageRequest of(Integer page, Integer size, int defaultSize, int maxSize, Violations v) {
        PageRequest asked = new PageRequest(page == null ? 1 : page, size == null ? defaultSize : size);
        boolean pageOk = v.check(asked.page >= 1, "page", "min", 1);
        boolean sizeOk = v.check(asked.size >= 1 && asked.size <= maxSize, "size", "between", 1, maxSize);
        if (pageOk && sizeOk) {
            v.check(asked.offset() <= MAX_OFFSET, "page", "max", MAX_OFFSET / asked.size + 1);
        }
        return asked;
    }

    /** Rows before this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** This page's answer: {@code items} (at most {@code size}) and the total of the whole list. */
    public <T> ListPage<T> answer(List<T> items, long total) {
        return new ListPage<>(items, total, page, size);
    }
}
