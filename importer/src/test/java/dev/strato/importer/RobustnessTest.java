package dev.strato.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear error at its line and column (exit 3 in the CLI); odd input never crashes the import. */
class RobustnessTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private void refused(String name, String text, String message, int line) throws Exception {
        Path file = write(name, text);
        assertThatThrownBy(() -> Importer.importFile(file, name))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> {
                    ImportException ie = (ImportException) e;
                    assertThat(ie.getMessage()).contains(message);
                    assertThat(ie.position().line()).isEqualTo(line);
                    assertThat(ie.format()).startsWith(name + (line == 0 ? ": " : ":" + line + ":"));
                });
    }

    @Test
    void malformedYamlIsRefusedAtItsPlace() throws Exception {
        refused("serverless.yml", "service: a\nprovider:\n  name: aws\n functions: [\n", "YAML syntax", 4);
        refused("serverless.yml", "service: a\nprovider: { name: aws\n", "YAML syntax", 2);
        refused("serverless.yml", "service: a\n\tprovider: aws\n", "YAML syntax", 2);
        refused("serverless.yml", "service: a\nservice: b\n", "duplicate key 'service' (first defined at line 1)", 2);
    }

    @Test
    void emptyAndNonServiceFilesAreRefused() throws Exception {
        refused("serverless.yml", "", "file is empty", 1);
        refused("serverless.yml", "# only a comment\n", "file is empty", 1);
        refused("serverless.yml", "- a\n- b\n", "expected a map at the top", 1);
        refused("serverless.yml", "just text\n", "expected a map at the top", 1);
        refused("config.yml", "name: x\nitems: [1, 2]\n", "neither a Serverless Framework service", 1);
        refused(
                "template.yaml",
                "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q: { Type: AWS::SQS::Queue }\n",
                "no function to import",
                1);
        refused("serverless.ts", "export default {}\n", "serverless print", 0);
    }

    @Test
    void hugeBinaryAndHostileFilesAreRefused() throws Exception {
        refused("serverless.yml", "service: a\n# " + "x".repeat(6 * 1024 * 1024) + "\n", "the limit is", 1);
        Path binary = dir.resolve("bin.yml");
        Files.write(binary, new byte[] {'a', ':', ' ', 0, 1});
        assertThatThrownBy(() -> Importer.importFile(binary, "bin.yml"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("NUL byte");
        Path latin1 = dir.resolve("latin1.yml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> Importer.importFile(latin1, "latin1.yml"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("UTF-8");
        refused("deep.yml", "a: " + "[".repeat(500) + "]".repeat(500) + "\n", "nesting deeper than", 1);
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++)
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append((char) (c - 1))
                    .append(", *")
                    .append((char) (c - 1))
                    .append(", *")
                    .append((char) (c - 1))
                    .append(", *")
                    .append((char) (c - 1))
                    .append("]\n");
        Path file = write("bomb.yml", bomb.toString());
        assertThatThrownBy(() -> Importer.importFile(file, "bomb.yml")).isInstanceOf(ImportException.class);
    }

    @Test
    void aLargeServiceImportsAndValidates() throws Exception {
        StringBuilder b =
                new StringBuilder("service: big\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n");
        for (int i = 0; i < 300; i++) {
            b.append("  fn")
                    .append(i)
                    .append(":\n    handler: src/h.f")
                    .append(i)
                    .append("\n    events:\n      - httpApi: GET /items/")
                    .append(i)
                    .append('\n');
        }
        Path file = write("serverless.yml", b.toString());
        Importer.Result result = Importer.importFile(file, "serverless.yml");
        assertThat(result.tree()).containsKey("functions");
        Path strato = dir.resolve("strato.yml");
        Files.writeString(strato, result.yaml());
        assertThat(Importer.validate(strato, "strato.yml", result, Map.of(), Cases.TODAY)
                        .isValid())
                .isTrue();
    }

    /** CloudFormation tags as values, map values, list items, keys' neighbours and unknown tags: reported, never a crash. */
    @Test
    void tagsInEveryPositionAreReportedNotFatal() throws Exception {
        String template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Description: !Sub 'made in ${AWS::Region}'
                Parameters:
                  Memory: { Type: Number, Default: 256 }
                  Runtime: { Type: String, Default: python3.12 }
                Resources:
                  Table: !If [Cond, { Type: AWS::DynamoDB::Table }, !Ref AWS::NoValue]
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: !Ref Memory
                      RedrivePolicy: !If [Cond, { deadLetterTargetArn: x }, !Ref AWS::NoValue]
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: !Sub '${AWS::StackName}.handler'
                      Runtime: !Ref Runtime
                      MemorySize: !Ref Memory
                      Timeout: !If [Cond, 10, 20]
                      Tracing: !If [Cond, Active, PassThrough]
                      Architectures: [!Ref Arch]
                      Environment: !If [Cond, { Variables: { A: b } }, !Ref AWS::NoValue]
                      Tags: { team: !Select [0, [a, b]], other: !Foo bar }
                      Policies:
                        - !If [Cond, AWSLambdaBasicExecutionRole, !Ref AWS::NoValue]
                        - Statement:
                            - Effect: Allow
                              Action: !Split [',', 'sqs:SendMessage']
                              Resource: !GetAtt Queue.Arn
                      Events:
                        E1: !If [Cond, { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } }, !Ref AWS::NoValue]
                        E2:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            BatchSize: !Ref Memory
                        E3: { Type: Schedule, Properties: { Schedule: !Sub 'rate(${Memory} minutes)' } }
                        E4: { Type: Teleport, Properties: {} }
                  Fn2:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      Environment:
                        Variables:
                          JOINED: !Join ['', [!Ref Memory, '-', !GetAtt Queue.QueueName]]
                          SUBBED: !Sub ['${A}-x', { A: !Ref Memory }]
                          LITERAL: !Sub 'cost $${!NotAVar}'
                          NESTED: !Base64 { 'Fn::Sub': '${Memory}' }
                Outputs:
                  X: { Value: !GetAtt Fn.Arn }
                """;
        Path file = write("template.yaml", template);
        Importer.Result result = Importer.importFile(file, "template.yaml");
        String report = result.report().text();
        assertThat(report)
                .contains("!If")
                .contains("!Select")
                .contains("!Base64")
                .contains("E4: Teleport events have no strato equivalent");
        Path strato = dir.resolve("strato.yml");
        Files.writeString(strato, result.yaml());
        Importer.validate(strato, "strato.yml", result, Map.of(), Cases.TODAY);

        String serverless = """
                service: tagged
                provider:
                  name: aws
                  runtime: nodejs22.x
                  environment:
                    A: !Ref Queue
                    B: !GetAtt Queue.Arn
                    C: !ImportValue shared
                    D: { 'Fn::Join': [':', [a, !Ref Queue]] }
                functions:
                  f:
                    handler: h.f
                    events:
                      - sqs: !GetAtt Queue.Arn
                      - sqs: { arn: !Sub '${Queue2.Arn}' }
                      - schedule: !Ref Rate
                      - sns: !Ref Missing
                      - unknownThing: {}
                resources:
                  Resources:
                    Queue: { Type: AWS::SQS::Queue, Properties: { VisibilityTimeout: !Ref Vis } }
                    Queue2: { Type: AWS::SQS::Queue }
                """;
        Path sls = write("serverless.yml", serverless);
        Importer.Result r2 = Importer.importFile(sls, "serverless.yml");
        assertThat(r2.report().text())
                .contains("unknown event type unknownThing")
                .contains("!ImportValue");
        Files.writeString(strato, r2.yaml());
        assertThat(Importer.validate(strato, "strato.yml", r2, Map.of(), Cases.TODAY)
                        .isValid())
                .as(r2.yaml())
                .isTrue();
    }
}
