package com.certcare.customer.directory;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.platform.web.ListPage;

/** One page of the public directory: {@code {items, total, page, size}}, page from 1. */
@Schema(name = "DirectoryPage")
public record DirectoryPage(@Schema(required = true) List<DirectoryEntry> items, @Schema(required = true) long total,
        @Schema(required = true) int page, @Schema(required = true) int size) {

    static DirectoryPage of(ListPage<DirectoryEntry> page) {
        return new DirectoryPage(page.items(), page.total(), page.page(), page.size());
    }
}
