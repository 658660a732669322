package dev.strato.generator;

/**
 * Where a generator's parts say what the user should know (a limit approached, a setting left
 * out): every part warns here, the output tree collects it, the CLI prints it and generators that
 * write a manifest or README copy {@link OutputTree#warnings()} into it. There is no other way.
 */
@FunctionalInterface
public interface Warnings {

    void warn(String message);
}
