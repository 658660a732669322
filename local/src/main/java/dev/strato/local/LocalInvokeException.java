package dev.strato.local;

/** Why a local invoke could not run: the user's input ({@link #usage()}) or this machine (a missing node, an I/O error). */
public final class LocalInvokeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean usage;

    private LocalInvokeException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /** Bad input: an unknown function or trigger kind, malformed data, a handler that cannot run locally. */
    public static LocalInvokeException usage(String message) {
        return new LocalInvokeException(message, true);
    }

    /** The machine: no node/python3, the process could not start. */
    public static LocalInvokeException failure(String message) {
        return new LocalInvokeException(message, false);
    }

    public boolean usage() {
        return usage;
    }
}
