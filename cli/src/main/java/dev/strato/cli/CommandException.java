package dev.strato.cli;

import java.util.List;

/**
 * Why a command stops, and with which exit code. Commands throw it; {@link ErrorReporter} prints
 * it as one line (after any detail lines) and returns its code, so that no command prints its
 * own {@code error:} line or decides an exit code for a failure.
 */
final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String location;
    private final List<String> details;
    private final String trailer;

    private CommandException(int exitCode, String location, String message, List<String> details, Throwable cause) {
        this(exitCode, location, message, details, cause, null);
    }

    private CommandException(
            int exitCode, String location, String message, List<String> details, Throwable cause, String trailer) {
        super(message, cause);
        this.exitCode = exitCode;
        this.location = location;
        this.details = List.copyOf(details);
        this.trailer = trailer;
    }

    /** The same, with {@code text} (such as a handler's own stack trace) printed after the error line; null for none. */
    CommandException followedBy(String text) {
        return new CommandException(exitCode, location, getMessage(), details, getCause(), text);
    }

    /** The command line asks for something that cannot be: a wrong value, a missing choice. */
    static CommandException usage(String message) {
        return new CommandException(ExitCodes.USAGE, null, message, List.of(), null);
    }

    /** Something outside the model failed: a file, a cloud call, a missing plug-in. */
    static CommandException failure(String message) {
        return new CommandException(ExitCodes.FAILURE, null, message, List.of(), null);
    }

    /** A failure with the exception behind it, whose stack trace {@code --stacktrace} prints. */
    static CommandException failure(String message, Throwable cause, List<String> details) {
        return new CommandException(ExitCodes.FAILURE, null, message, details, cause);
    }

    /** The input file has an error at {@code location} ({@code file:line:col}). */
    static CommandException invalidModel(String location, String message) {
        return new CommandException(ExitCodes.INVALID_MODEL, location, message, List.of(), null);
    }

    int exitCode() {
        return exitCode;
    }

    /** {@code file:line:col} the message is about, or null. */
    String location() {
        return location;
    }

    /** Text printed after the error line, or null. */
    String trailer() {
        return trailer;
    }

    /** Lines printed before the error line, indented (such as a cloud's reasons). */
    List<String> details() {
        return details;
    }
}
