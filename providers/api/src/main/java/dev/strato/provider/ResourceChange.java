package dev.strato.provider;

/** One row of a change set: Add, Modify, Remove (or Import), and whether the resource is replaced (True, False, Conditional, or empty when unknown). */
public record ResourceChange(String action, String logicalId, String type, String replacement) {}
