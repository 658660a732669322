package dev.strato.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The event data of {@code invoke}: {@code --data}, {@code --data-file} ({@code -}: stdin), else whatever is piped in. */
final class InvokeData {

    @Option(
            names = "--data",
            paramLabel = "DATA",
            description =
                    "The event's data: the event itself (deployed), or the HTTP body, a message body (a JSON array: several), a schedule's input (--local).")
    String data;

    @Option(
            names = "--data-file",
            paramLabel = "FILE",
            description =
                    "The data from FILE ('-': standard input); without --data or --data-file, piped stdin is read.")
    Path file;

    /** A usage problem with the data options, such as a file that does not exist. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private byte[] cached;
    private boolean read;

    /** The data, read once; null when none was given and nothing is piped in. */
    byte[] bytes(Environment environment) throws Problem {
        if (read) return cached;
        if (data != null && file != null) throw new Problem("give --data or --data-file, not both");
        try {
            if (data != null) cached = data.getBytes(StandardCharsets.UTF_8);
            else if (file != null && file.toString().equals("-")) cached = orNull(System.in.readAllBytes());
            else if (file != null)
                cached = Files.readAllBytes(environment.workingDir().resolve(file));
            else cached = piped();
        } catch (NoSuchFileException e) {
            throw new Problem("--data-file: no such file: " + file);
        } catch (IOException e) {
            throw new Problem("cannot read the data: " + e.getMessage());
        }
        read = true;
        return cached;
    }

    /** Nothing waits on a terminal: only data already piped in is read, so the command never hangs on input. */
    private static byte[] piped() throws IOException {
        InputStream stdin = System.in;
        return System.console() == null && stdin.available() > 0 ? orNull(stdin.readAllBytes()) : null;
    }

    private static byte[] orNull(byte[] bytes) {
        return bytes.length == 0 ? null : bytes;
    }
}
