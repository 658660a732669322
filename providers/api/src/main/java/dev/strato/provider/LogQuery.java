package dev.strato.provider;

import java.time.Duration;
import java.time.Instant;

/** Which events to read: a function's log from {@code since}, matching {@code filter}, following new events when {@code follow}. */
public record LogQuery(String function, Instant since, String filter, boolean follow, Duration pollInterval) {}
