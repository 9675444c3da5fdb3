package com.certcare.platform.web;

import java.util.List;

/** One page of a list: {@code {items, total, page, size}}; {@code page} counts from 1. */
public record ListPage<T>(List<T> items, long total, int page, int size) {
}
