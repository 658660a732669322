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

    // help's exit-code list (picocli exitCodeList: "code:description"), kept beside the codes;
    // ExitCodesTest checks the list and the README's table against the constants
    static final String LIST_OK = OK + ":success (warnings may have been printed)";
    static final String LIST_FAILURE =
            FAILURE + ":failure outside the model: I/O, a missing file or generator, a cloud call";
    static final String LIST_USAGE = USAGE + ":wrong command-line usage";
    static final String LIST_INVALID_MODEL =
            INVALID_MODEL + ":strato.yml is invalid (errors were printed; nothing was written)";
    static final String LIST_CHANGES_PRESENT = CHANGES_PRESENT + ":strato diff --exit-code: the stack would change";

    private ExitCodes() {}
}
