package dev.strato.generator.aws;

/**
 * A stack output.
 *
 * @param essential false for what can be derived from another output or the manifest (names);
 *     such outputs go first when the template would exceed CloudFormation's output limit
 */
record Output(String id, String description, Object value, boolean essential) {}
