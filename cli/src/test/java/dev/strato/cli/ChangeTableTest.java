package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.provider.ResourceChange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** diff and deploy --no-execute mark the rows that lose stored data. */
class ChangeTableTest {

    private static String print(List<ResourceChange> rows) {
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            ChangeTable.print(w, rows);
        }
        return out.toString();
    }

    @Test
    void rowsThatRemoveOrReplaceDataAreMarked() {
        String table = print(List.of(
                new ResourceChange("Modify", "OrdersTable", "AWS::DynamoDB::Table", "True"),
                new ResourceChange("Remove", "FailedJobsQueue", "AWS::SQS::Queue", ""),
                new ResourceChange("Modify", "UploadsBucket", "AWS::S3::Bucket", "Conditional"),
                new ResourceChange("Modify", "CreateOrderFunction", "AWS::Lambda::Function", "True"),
                new ResourceChange("Modify", "ReportsBucket", "AWS::S3::Bucket", "False")));
        assertThat(table.lines()
                        .filter(l -> l.startsWith("Modify !") || l.startsWith("Remove !"))
                        .count())
                .isEqualTo(3);
        assertThat(table).contains("! removes or replaces a table, bucket or queue");
        assertThat(table.lines().filter(l -> l.contains("CreateOrderFunction") || l.contains("ReportsBucket")))
                .allSatisfy(l -> assertThat(l).doesNotContain("!"));
    }

    @Test
    void noMarkAndNoNoteWithoutDataChanges() {
        assertThat(print(List.of(new ResourceChange("Add", "F", "AWS::Lambda::Function", ""))))
                .doesNotContain("!");
    }
}
