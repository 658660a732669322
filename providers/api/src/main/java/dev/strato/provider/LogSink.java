package dev.strato.provider;

/** Receives log events; {@link #stopped()} ends following. */
public interface LogSink {

    void accept(LogEvent event);

    default boolean stopped() {
        return Thread.currentThread().isInterrupted();
    }
}
