package dev.strato.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json} of commands that report. */
public final class OutputOption {

    enum Format {
        text,
        json
    }

    @Option(
            names = {"--output"},
            paramLabel = "FORMAT",
            description = "text (default) or json.")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }
}
