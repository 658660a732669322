package dev.strato.provider;

/** What a long operation reports while it runs; the CLI decides how to show it. */
public interface ProgressListener {

    /** {@code artifacts} packages ({@code bytes} in all) are about to be uploaded. */
    default void uploadStarted(int artifacts, long bytes) {}

    /** Another {@code bytes} have been sent. */
    default void uploaded(long bytes) {}

    default void uploadFinished() {}

    /** A stack or resource event, in the order it happened. */
    default void event(StackEvent event) {}

    /** A step worth a line: "Creating change set", "Deleting the stack left by a failed create". */
    default void step(String message) {}

    ProgressListener NONE = new ProgressListener() {};
}
