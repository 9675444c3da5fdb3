package com.certcare.platform.storage;

/** A file as the store keeps it: the key to get it back, its length and its SHA-256 (lower-case hex). */
public record StoredFile(String key, long size, String sha256) {
}
