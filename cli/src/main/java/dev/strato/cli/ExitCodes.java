package dev.strato.cli;

/** Process exit codes; documented in the README. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A failure outside the model: I/O, a cloud call, a missing generator. */
    public static final int FAILURE = 1;
    /** Wrong command-line usage. */
    public static final int USAGE = 2;
    /** strato.yml has errors. */
    public static final int INVALID_MODEL = 3;
    /** {@code diff --exit-code}: the stack would change. */
    public static final int CHANGES_PRESENT = 4;

    private ExitCodes() {}
}
