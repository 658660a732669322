package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single mapping rules, each on a small model. */
class MappingTest {

    @TempDir
    Path dir;

    private Service model(String functions, String resources) throws IOException, GenerationException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.js"), "exports.main = async () => ({});\n");
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: demo\nproviders: { aws: { region: eu-west-1 } }\nfunctions:\n" + functions
                        + (resources.isEmpty() ? "" : "resources:\n" + resources));
        return Examples.load(dir.resolve("strato.yml"));
    }

    private String template(Service s) throws GenerationException {
        return new String(Examples.generate(s, dir).files().get(AwsGenerator.TEMPLATE), StandardCharsets.UTF_8);
    }

    @Test
    void unixCronBecomesAwsCronWithAQuestionMarkAndDaysFromOne() {
        assertThat(ScheduleExpression.cron("0 2 * * *")).isEqualTo("cron(0 2 * * ? *)");
        assertThat(ScheduleExpression.cron("*/15 * * * *")).isEqualTo("cron(0/15 * * * ? *)");
        assertThat(ScheduleExpression.cron("30 6 * * 1-5")).isEqualTo("cron(30 6 ? * 2-6 *)");
        assertThat(ScheduleExpression.cron("0 0 1 * *")).isEqualTo("cron(0 0 1 * ? *)");
        assertThat(ScheduleExpression.cron("5 4 * * sun")).isEqualTo("cron(5 4 ? * 1 *)");
        assertThat(ScheduleExpression.cron("0 12 * * 0,6")).isEqualTo("cron(0 12 ? * 1,7 *)");
        assertThat(ScheduleExpression.cron("0 9 * * 5-7")).isEqualTo("cron(0 9 ? * 1,6-7 *)");
        assertThat(ScheduleExpression.cron("0 9 * * 0-7")).isEqualTo("cron(0 9 * * ? *)");
        assertThat(ScheduleExpression.cron("0 9 * * */2")).isEqualTo("cron(0 9 ? * 1,3,5,7 *)");
        assertThat(ScheduleExpression.cron("0 9 * jan-mar mon")).isEqualTo("cron(0 9 ? JAN-MAR 2 *)");
        assertThatThrownBy(() -> ScheduleExpression.cron("0 9 1 * 1"))
                .hasMessageContaining("both day-of-month and day-of-week");
    }

    @Test
    void ratesUseTheLargestWholeUnit() {
        assertThat(ScheduleExpression.rate(Duration.ofMinutes(1))).isEqualTo("rate(1 minute)");
        assertThat(ScheduleExpression.rate(Duration.ofMinutes(90))).isEqualTo("rate(90 minutes)");
        assertThat(ScheduleExpression.rate(Duration.ofHours(2))).isEqualTo("rate(2 hours)");
        assertThat(ScheduleExpression.rate(Duration.ofDays(1))).isEqualTo("rate(1 day)");
    }

    @Test
    void yamlUsesShortTagsAndQuotesWhatYaml11WouldMisread() {
        String yaml = TemplateYaml.write(Cfn.map(
                "A", Cfn.ref("X"),
                "B", Cfn.getAtt("X", "Arn"),
                "C", Cfn.sub("a-${X}"),
                "D", Cfn.map("Fn::Base64", Cfn.sub("x")),
                "E", List.of("OFF", "yes", "2012-10-17", "1_000", "0x1F", "on", "plain"),
                "F", Cfn.join("", List.of("a", Cfn.ref("Y")))));
        assertThat(yaml)
                .contains("A: !Ref 'X'\n")
                .contains("B: !GetAtt 'X.Arn'\n")
                .contains("C: !Sub 'a-${X}'\n")
                .contains("D:\n  Fn::Base64: !Sub 'x'\n")
                .contains("- 'OFF'\n")
                .contains("- 'yes'\n")
                .contains("- '2012-10-17'\n")
                .contains("- '1_000'\n")
                .contains("- '0x1F'\n")
                .contains("- 'on'\n")
                .contains("- plain\n")
                .contains("F: !Join\n  - ''\n  -   - a\n      - !Ref 'Y'\n");
    }

    @Test
    void policiesRefuseWildcardsButTheXRayAllowlist() {
        Policy p = new Policy();
        assertThatThrownBy(() -> p.allow("S", "*", List.of("s3:GetObject"))).hasMessageContaining("only");
        assertThatThrownBy(() -> p.allow("S", Cfn.ref("T"), List.of("dynamodb:*")))
                .hasMessageContaining("wildcard action");
        p.allow("XRay", "*", List.of("xray:PutTraceSegments"));
        p.allow("T", Cfn.ref("T"), List.of("b:Two", "a:One"));
        p.allow("Other", Cfn.ref("T"), List.of("a:One", "c:Three"));
        p.allow("T", Cfn.ref("U"), List.of("a:One"));
        assertThat(Trees.json(p.statements()))
                .isEqualTo(
                        "[{\"Action\":\"xray:PutTraceSegments\",\"Effect\":\"Allow\",\"Resource\":\"*\",\"Sid\":\"XRay\"},"
                                + "{\"Action\":[\"a:One\",\"b:Two\",\"c:Three\"],\"Effect\":\"Allow\",\"Resource\":{\"Ref\":\"T\"},\"Sid\":\"T\"},"
                                + "{\"Action\":\"a:One\",\"Effect\":\"Allow\",\"Resource\":{\"Ref\":\"U\"},\"Sid\":\"T2\"}]");
    }

    @Test
    void namesStayWithinAwsLimitsWithAHash() throws IOException, GenerationException {
        Service s = model(
                "  aVeryLongFunctionNameThatGoesOnAndOnForeverAndEverAndEver:\n    handler: src/a.main\n",
                "  aVeryLongBucketNameForUploadsThatIsLong: { type: bucket }\n");
        AwsNames names = new AwsNames(s);
        assertThat(names.function("aVeryLongFunctionNameThatGoesOnAndOnForeverAndEverAndEver"))
                .hasSizeLessThanOrEqualTo(64)
                .matches(".*-[0-9a-f]{8}");
        String bucket = names.bucket("aVeryLongBucketNameForUploadsThatIsLong");
        assertThat(bucket.replace(AwsNames.BUCKET_SUFFIX, "-123456789012-us-isof-south-1"))
                .hasSizeLessThanOrEqualTo(63);
        assertThat(names.stack()).isEqualTo("demo-dev");
        assertThat(LogicalIds.pascal("fn-3-work")).isEqualTo("Fn3Work");
        assertThat(LogicalIds.pascal("createOrder")).isEqualTo("CreateOrder");
    }

    @Test
    void corsIsMergedForTheOneApi() throws IOException, GenerationException {
        Service cors = model(
                "  f:\n    handler: src/a.main\n    events:\n"
                        + "      - http: { method: GET, path: /a, cors: { origins: [\"https://a.example\"], methods: [GET], maxAge: 10m } }\n"
                        + "      - http: { method: POST, path: /b, cors: { origins: [\"https://b.example\"], methods: [POST], headers: [x-id], maxAge: 1h } }\n",
                "");
        assertThat(template(cors))
                .contains(
                        "      CorsConfiguration:\n        AllowOrigins:\n          - https://a.example\n          - https://b.example\n"
                                + "        AllowMethods:\n          - GET\n          - POST\n        AllowHeaders:\n          - '*'\n        MaxAge: 3600\n");
    }

    @Test
    void bucketNotificationsWaitForTheirPermissionAndRolesNameBucketsWithoutReferences()
            throws IOException, GenerationException {
        Service s = model(
                "  f:\n    handler: src/a.main\n    events:\n      - bucket: { bucket: up, on: [created, deleted], prefix: in/ }\n"
                        + "    environment: { B: \"${ref:up.name}\" }\n    permissions: { up: [read, delete] }\n",
                "  up: { type: bucket }\n");
        String t = template(s);
        assertThat(t)
                .contains("    DependsOn:\n      - FBucketPermission")
                .contains("- Event: s3:ObjectCreated:*")
                .contains("- Event: s3:ObjectRemoved:*")
                .contains("SourceArn: !Sub 'arn:${AWS::Partition}:s3:::demo-dev-up-${AWS::AccountId}-${AWS::Region}'")
                .contains("Resource: !Sub 'arn:${AWS::Partition}:s3:::demo-dev-up-${AWS::AccountId}-${AWS::Region}/*'")
                .contains("B: !Sub 'demo-dev-up-${AWS::AccountId}-${AWS::Region}'")
                .doesNotContain("!Ref 'UpBucket'\n          ")
                .doesNotContain("GetAtt 'UpBucket.Arn'\n                ");
    }

    @Test
    void secretsReachTheFunctionAsArnsNeverAsValuesAndTheGrantNamesEachOne() throws IOException, GenerationException {
        // a {{resolve:secretsmanager}} value is readable with lambda:GetFunctionConfiguration and a rotation never
        // reaches
        // the function: the function gets the secret's ARN and reads it with the GetSecretValue its role grants
        Service s = model(
                "  f:\n    handler: src/a.main\n    environment:\n      KEY: ${secret:app/key}\n"
                        + "      DSN: \"pg://u:${secret:db-pass}@${ref:q.name}/x\"\n      PLAIN: text\n",
                "  q: { type: queue }\n");
        for (AwsFormat format : AwsFormat.values()) {
            String t = template(Examples.withFormat(s, format));
            assertThat(t)
                    .as(format.name())
                    .doesNotContain("resolve:secretsmanager")
                    .doesNotContain("\n          KEY:")
                    .doesNotContain("\n          DSN:")
                    .contains(
                            "KEY_SECRET_ARN: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/key'")
                    .contains(
                            "DSN_SECRET_TEMPLATE: !Join\n",
                            "- 'pg://u:'\n",
                            "- '{{secret:'\n",
                            "- !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-pass'\n",
                            "- '}}'\n",
                            "- !GetAtt 'QQueue.QueueName'\n")
                    .contains("PLAIN: text")
                    .contains("STRATO_SECRETS: KEY,DSN")
                    .contains(
                            "Action: secretsmanager:GetSecretValue\n"
                                    + "                Resource: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/key-??????'")
                    .contains(
                            "Resource: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-pass-??????'")
                    .doesNotContain("secret:*");
        }
        Service clash = model(
                "  f:\n    handler: src/a.main\n    environment:\n      KEY: ${secret:app/key}\n      KEY_SECRET_ARN: mine\n",
                "");
        assertThatThrownBy(() -> template(clash))
                .isInstanceOf(GenerationException.class)
                .hasMessage(
                        "functions.f.environment.KEY_SECRET_ARN: on AWS strato passes secret variable KEY as KEY_SECRET_ARN and STRATO_SECRETS; rename KEY_SECRET_ARN");
    }

    @Test
    void limitsOfTheStackAndTheEnvironment() throws IOException, GenerationException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 130; i++)
            many.append("  f").append(i).append(":\n    handler: src/a.main\n    alarms: true\n");
        assertThatThrownBy(() -> Examples.generate(model(many.toString(), ""), dir))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("needs 650 resources, more than the 500 CloudFormation allows in one stack");
        StringBuilder near = new StringBuilder();
        for (int i = 0; i < 100; i++)
            near.append("  f").append(i).append(":\n    handler: src/a.main\n    alarms: true\n");
        OutputTree out = Examples.generate(model(near.toString(), ""), dir);
        assertThat(out.warnings())
                .contains(
                        "stack demo-dev has 500 resources, close to CloudFormation's limit of 500",
                        "the template has " + out.files().get(AwsGenerator.TEMPLATE).length
                                + " bytes, more than the 51200 CloudFormation takes inline: deploy uploads it to S3 first");
        assertThat(new String(out.files().get(AwsGenerator.MANIFEST), StandardCharsets.UTF_8))
                .contains("\"uploadToS3\" : true");

        String refs = "${ref:q.url}".repeat(80);
        Service big = model(
                "  f:\n    handler: src/a.main\n    environment: { A: \"" + refs + "\" }\n", "  q: { type: queue }\n");
        assertThatThrownBy(() -> Examples.generate(big, dir))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("the environment of function f takes about")
                .hasMessageContaining("more than Lambda's 4096");
    }

    @Test
    void outputsLeaveOutNamesBeforeTheyPassTheLimit() throws IOException, GenerationException {
        StringBuilder fns = new StringBuilder();
        for (int i = 0; i < 110; i++) fns.append("  f").append(i).append(":\n    handler: src/a.main\n");
        OutputTree out = Examples.generate(model(fns.toString(), ""), dir);
        String t = new String(out.files().get(AwsGenerator.TEMPLATE), StandardCharsets.UTF_8);
        assertThat(t).contains("F0FunctionArn:").doesNotContain("F0FunctionName:");
        assertThat(out.warnings())
                .contains(
                        "CloudFormation allows 200 outputs: the stack outputs ARNs and URLs only, names are in manifest.json");
    }

    @Test
    void bothFormatsOfAnExampleShareEverythingButFunctionsAndTheApi() throws GenerationException {
        Service orders = Examples.load("orders");
        String plain = new String(
                Examples.generate(Examples.withFormat(orders, AwsFormat.CLOUDFORMATION), Examples.DIR.resolve("orders"))
                        .files()
                        .get(AwsGenerator.TEMPLATE),
                StandardCharsets.UTF_8);
        String sam = new String(
                Examples.generate(Examples.withFormat(orders, AwsFormat.SAM), Examples.DIR.resolve("orders"))
                        .files()
                        .get(AwsGenerator.TEMPLATE),
                StandardCharsets.UTF_8);
        assertThat(sam)
                .startsWith("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n")
                .contains("AWS::Serverless::Function");
        assertThat(plain).doesNotContain("Transform").doesNotContain("AWS::Serverless");
        assertThat(Map.of("plain", plain, "sam", sam))
                .allSatisfy((k, v) -> assertThat(v).contains("OrdersTable:\n    Type: AWS::DynamoDB::Table"));
    }

    @Test
    void dataIsKeptOnRemoveButNotWhenItsFirstCreateRollsBackAndBucketsAreNamedLiterally() throws GenerationException {
        // Retain would keep a table a failed first create made, and every retry would then fail with "already exists"
        Service thumbnails = Examples.load("thumbnails");
        for (AwsFormat format : AwsFormat.values()) {
            String yaml = new String(
                    Examples.generate(Examples.withFormat(thumbnails, format), Examples.DIR.resolve("thumbnails"))
                            .files()
                            .get(AwsGenerator.TEMPLATE),
                    StandardCharsets.UTF_8);
            long data = java.util.regex.Pattern.compile("Type: AWS::(S3::Bucket|S3::BucketPolicy|DynamoDB::Table)\n")
                    .matcher(yaml)
                    .results()
                    .count();
            assertThat(data).as(format.name()).isGreaterThanOrEqualTo(4);
            assertThat(java.util.regex.Pattern.compile(
                                    "DeletionPolicy: RetainExceptOnCreate\n    UpdateReplacePolicy: Retain\n")
                            .matcher(yaml)
                            .results()
                            .count())
                    .as(format.name())
                    .isEqualTo(data);
            assertThat(yaml).doesNotContain("DeletionPolicy: Retain\n");
            // the policy names its bucket as the bucket does, so that a kept pair can be imported again
            assertThat(yaml)
                    .contains("Bucket: !Sub 'thumbnails-dev-uploads-${AWS::AccountId}-${AWS::Region}'")
                    .contains("BucketName: !Sub 'thumbnails-dev-uploads-${AWS::AccountId}-${AWS::Region}'");
        }
    }

    @Test
    void bucketTriggerPermissionNamesTheBucketInBothFormats() throws GenerationException {
        // SAM's own S3 event grants s3.amazonaws.com with SourceAccount only: any bucket of the account could invoke
        // the function
        Service thumbnails = Examples.load("thumbnails");
        for (AwsFormat format : AwsFormat.values()) {
            String yaml = new String(
                    Examples.generate(Examples.withFormat(thumbnails, format), Examples.DIR.resolve("thumbnails"))
                            .files()
                            .get(AwsGenerator.TEMPLATE),
                    StandardCharsets.UTF_8);
            assertThat(yaml).as(format.name()).contains("""
                      MakeThumbnailBucketPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref 'MakeThumbnailFunction'
                          Principal: s3.amazonaws.com
                          SourceAccount: !Ref 'AWS::AccountId'
                          SourceArn: !Sub 'arn:${AWS::Partition}:s3:::thumbnails-dev-uploads-${AWS::AccountId}-${AWS::Region}'
                    """).doesNotContain("Type: S3\n");
        }
    }

    private Service routes(int n, AwsFormat format) throws IOException, GenerationException {
        StringBuilder events = new StringBuilder("  api:\n    handler: src/a.main\n    events:\n");
        for (int i = 0; i < n; i++)
            events.append("      - http: \"GET /items").append(i).append("/{id}\"\n");
        return Examples.withFormat(model(events.toString(), ""), format);
    }

    @Test
    void manyRoutesOnOneFunctionShareOnePermissionScopedToTheApi() throws IOException, GenerationException {
        String few = template(routes(ResourcePolicySize.ROUTES_PER_FUNCTION, AwsFormat.CLOUDFORMATION));
        assertThat(few.split("Type: AWS::Lambda::Permission", -1).length - 1)
                .isEqualTo(ResourcePolicySize.ROUTES_PER_FUNCTION);
        assertThat(few).contains("/*/GET/items0/*'");

        String many = template(routes(ResourcePolicySize.ROUTES_PER_FUNCTION + 1, AwsFormat.CLOUDFORMATION));
        assertThat(many.split("Type: AWS::Lambda::Permission", -1).length - 1).isEqualTo(1);
        assertThat(many).contains("""
                  ApiApiPermission:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      FunctionName: !Ref 'ApiFunction'
                      Principal: apigateway.amazonaws.com
                      SourceArn: !Sub 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*'
                """);
        // 200 routes still fit: one statement
        Examples.generate(routes(200, AwsFormat.CLOUDFORMATION), dir);
    }

    @Test
    void samGrantsEachRouteSoItsResourcePolicySizeIsChecked() throws IOException, GenerationException {
        // the measurement: one function's policy passes 20 KB at about 55-60 routes
        ResourcePolicySize size =
                new ResourcePolicySize(routes(1, AwsFormat.SAM), new AwsNames(routes(1, AwsFormat.SAM)), AwsFormat.SAM);
        Service fifty = routes(50, AwsFormat.SAM);
        Service seventy = routes(70, AwsFormat.SAM);
        assertThat(size.estimate(
                        fifty.functions().get("api"),
                        new HttpApiPlan(fifty).routesOf(fifty.functions().get("api"))))
                .isLessThan(ResourcePolicySize.LIMIT_BYTES);
        assertThat(size.estimate(
                        seventy.functions().get("api"),
                        new HttpApiPlan(seventy).routesOf(seventy.functions().get("api"))))
                .isGreaterThan(ResourcePolicySize.LIMIT_BYTES);
        assertThatThrownBy(() -> Examples.generate(seventy, dir))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("the resource policy of function api would take about")
                .hasMessageContaining("more than Lambda's 20480")
                .hasMessageContaining("use format: cloudformation");
    }

    private Service grants(int tables) throws IOException, GenerationException {
        StringBuilder perms = new StringBuilder("  api:\n    handler: src/a.main\n    permissions:\n");
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            perms.append("      table").append(i).append(": [read, write]\n");
            resources.append("  table").append(i).append(": { type: table, key: { partition: id } }\n");
        }
        return model(perms.toString(), resources.toString());
    }

    @Test
    void aRolePastTheInlinePolicyLimitSpillsIntoManagedPoliciesAndLintsClean() throws Exception {
        assertThat(template(grants(5)))
                .doesNotContain("AWS::IAM::ManagedPolicy")
                .doesNotContain("ManagedPolicyArns");
        String t = template(grants(60));
        assertThat(t).contains("Type: AWS::IAM::ManagedPolicy", "ManagedPolicyArns:\n        - !Ref 'ApiRolePolicy1'");
        Path file = dir.resolve("spilled.yaml");
        Files.writeString(file, t);
        assertThat(CfnLint.lint(dir, List.of(file))).isEmpty();
        // each document within its quota, as deployed
        RolePolicySize size = new RolePolicySize("eu-west-1");
        var stack = AwsGenerator.build(
                grants(60),
                AwsFormat.CLOUDFORMATION,
                AwsGenerator.packages(new dev.strato.generator.GenerationContext(grants(60), dir)));
        Map<String, Object> resources = Trees.map(stack.template().tree().get("Resources"));
        Map<String, Object> role = Trees.map(Trees.map(resources.get("ApiRole")).get("Properties"));
        assertThat(size.size(Trees.map(Trees.list(role.get("Policies")).get(0)).get("PolicyDocument")))
                .isLessThanOrEqualTo(RolePolicySize.INLINE_LIMIT);
        resources.values().stream()
                .map(Trees::map)
                .filter(r -> "AWS::IAM::ManagedPolicy".equals(r.get("Type")))
                .forEach(
                        r -> assertThat(size.size(Trees.map(r.get("Properties")).get("PolicyDocument")))
                                .isLessThanOrEqualTo(RolePolicySize.MANAGED_LIMIT));

        assertThatThrownBy(() -> template(grants(400)))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith(
                        "functions.api.permissions: the role of function api needs more than IAM's 10240 inline");
    }
}
