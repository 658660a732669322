package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.provider.StackEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Progress: a redrawn bar with bytes and rate on a terminal, plain lines elsewhere; a line per stack event. */
class ProgressPrinterTest {

    private final StringWriter err = new StringWriter();

    private ProgressPrinter printer(boolean terminal) {
        return new ProgressPrinter(
                new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false), terminal);
    }

    @Test
    void terminalGetsAnUploadBarWithBytesAndRate() throws Exception {
        ProgressPrinter p = printer(true);
        p.uploadStarted(2, 4096);
        Thread.sleep(120);
        p.uploaded(2048);
        p.uploaded(2048);
        p.uploadFinished();
        assertThat(err.toString())
                .contains("\r  Uploading [############............] 2.0 KB / 4.0 KB  ")
                .contains("\r  Uploading [########################] 4.0 KB / 4.0 KB  ")
                .containsPattern("KB/s|B/s")
                .contains("Uploaded 2 artifacts (4.0 KB) in ");
    }

    @Test
    void elsewhereOnlyPlainLines() {
        ProgressPrinter p = printer(false);
        p.uploadStarted(1, 812);
        p.uploaded(812);
        p.uploadFinished();
        p.event(new StackEvent(
                Instant.parse("2026-11-27T08:00:00Z"),
                "OrdersTable",
                "AWS::DynamoDB::Table",
                "CREATE_FAILED",
                "Table already exists"));
        assertThat(err.toString())
                .doesNotContain("\r")
                .startsWith("Uploading 1 artifact (812 B)\nUploaded 1 artifact (812 B) in ")
                .containsPattern(
                        "\\d\\d:\\d\\d:\\d\\d  CREATE_FAILED  OrdersTable  AWS::DynamoDB::Table  Table already exists\n");
    }
}
