package dev.strato.provider;

import java.time.Instant;

/** One log line of a function. */
public record LogEvent(String id, Instant time, String stream, String message) {}
