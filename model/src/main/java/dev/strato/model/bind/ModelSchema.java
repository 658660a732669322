package dev.strato.model.bind;

import static dev.strato.model.bind.Field.optional;
import static dev.strato.model.bind.Field.required;

import dev.strato.model.providers.AwsFormat;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.service.Adapter;
import dev.strato.model.service.Architecture;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.KeyType;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Verb;
import dev.strato.model.support.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The format of strato.yml, in one place: the binder reads by it, {@code strato schema} prints it. */
public final class ModelSchema {

    private ModelSchema() {}

    public static final String SERVICE_NAME = "[a-z][a-z0-9-]{1,30}";
    public static final String STAGE_NAME = "[a-z0-9][a-z0-9-]{0,15}";
    public static final String FUNCTION_NAME = "[a-zA-Z][a-zA-Z0-9-]{0,63}";
    public static final String RESOURCE_NAME = "[a-zA-Z][a-zA-Z0-9]{0,63}";
    public static final String ENV_NAME = "[a-zA-Z_][a-zA-Z0-9_]*";

    static final Type TEXT = Type.Text.ANY;
    static final Type BOOL = new Type.Bool();
    static final Type RUNTIME = new Type.Choice(Runtime.ids());
    static final Type DURATION = new Type.Duration();
    static final Type SIZE = new Type.SizeMb();
    static final Type TEXTS = new Type.ListOf(TEXT);
    static final Type TAGS = new Type.MapOf(
            TEXT,
            Pattern.compile("[\\p{L}\\p{N} _.:/=+@-]{1,128}"),
            "tag keys: 1-128 letters, digits, spaces and _.:/=+@-");
    static final Type ENVIRONMENT = new Type.MapOf(
            TEXT, Pattern.compile(ENV_NAME), "environment names: letters, digits and _, not starting with a digit");

    static <E extends Enum<E> & Named> Type choice(Class<E> type) {
        return new Type.Choice(Named.ids(type));
    }

    static Type resourceName(String what) {
        return Type.Text.matching(RESOURCE_NAME, "the name of a " + what + " resource");
    }

    public static final Shape AWS = Shape.of(
            "aws",
            "Amazon Web Services: CloudFormation/SAM, Lambda.",
            required(
                    "region",
                    Type.Text.matching("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d", "an AWS region such as us-east-1"),
                    "AWS region, e.g. us-east-1."),
            optional("format", choice(AwsFormat.class), "Template format: plain CloudFormation (default) or SAM."),
            optional("profile", TEXT, "Named profile of the AWS config files used by deploy."));

    public static final Shape AZURE = Shape.of(
            "azure",
            "Microsoft Azure: Functions + ARM.",
            required(
                    "location",
                    Type.Text.matching("[a-z0-9]+", "an Azure location such as westeurope"),
                    "Azure location, e.g. westeurope."),
            optional(
                    "resourceGroup",
                    Type.Text.matching("[-\\w._()]{0,89}[-\\w_()]", "1-90 letters, digits, -._() not ending in ."),
                    "Resource group (default <service>-<stage>)."),
            optional(
                    "plan",
                    choice(AzurePlan.class),
                    "Hosting plan: flex (Flex Consumption, default), consumption (Y1) or premium (EP1)."),
            optional(
                    "queues",
                    choice(dev.strato.model.providers.AzureQueues.class),
                    "Service carrying queues: servicebus (default) or storage (Storage queues)."));

    public static final Shape GCP = Shape.of(
            "gcp",
            "Google Cloud: Terraform, Cloud Functions 2nd gen.",
            required(
                    "project",
                    Type.Text.matching(
                            "[a-z][a-z0-9-]{4,28}[a-z0-9]",
                            "a GCP project id: 6-30 lowercase letters, digits, hyphens"),
                    "GCP project id."),
            required(
                    "region",
                    Type.Text.matching("[a-z]+-[a-z]+\\d+", "a GCP region such as europe-west1"),
                    "GCP region, e.g. europe-west1."),
            optional(
                    "gateway",
                    choice(dev.strato.model.providers.GcpGateway.class),
                    "none (default): one HTTPS URL per function; api-gateway: all routes under one URL through API Gateway."),
            optional(
                    "engine",
                    choice(dev.strato.model.providers.GcpEngine.class),
                    "What applies the Terraform: infra-manager (default, Google's managed Terraform) or terraform (a terraform or tofu binary on PATH, state in a GCS bucket)."),
            optional(
                    "serviceAccount",
                    Type.Text.matching(
                            "[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com",
                            "a service account email such as deployer@PROJECT.iam.gserviceaccount.com"),
                    "Service account Infrastructure Manager runs Terraform as (default strato-deployer@PROJECT.iam.gserviceaccount.com)."));

    public static final Shape PROVIDERS = Shape.atLeastOne(
            "providers",
            "The clouds this service targets; only those with a block.",
            optional("aws", new Type.Obj(AWS), AWS.description()),
            optional("azure", new Type.Obj(AZURE), AZURE.description()),
            optional("gcp", new Type.Obj(GCP), GCP.description()));

    public static final Shape DEFAULTS = Shape.of(
            "defaults",
            "Values every function inherits unless it sets its own.",
            optional("memory", SIZE, "Memory in MB (512, \"512MB\", \"2GB\"). Built-in default 1024."),
            optional("timeout", DURATION, "Timeout: 500ms, 30s, 5m, 1h or integer seconds. Built-in default 10s."),
            optional(
                    "environment",
                    ENVIRONMENT,
                    "Environment variables; values may use ${ref:RES.ATTR} and ${secret:NAME}."),
            optional("tracing", BOOL, "Distributed tracing (X-Ray, Application Insights, Cloud Trace). Default false."),
            optional("logRetentionDays", new Type.Int(1, 3653), "Days to keep logs. Default 30."),
            optional("alarms", BOOL, "Error/throttle alarms where the provider has them. Default false."),
            optional("tags", TAGS, "Tags/labels on every generated resource of the function."),
            optional(
                    "architecture",
                    choice(Architecture.class),
                    "CPU architecture where the provider offers a choice. Default arm64."),
            optional("retries", new Type.Int(0, 10), "Retries of asynchronous invocations. Default 2."));

    public static final Shape CORS = Shape.of(
            "cors",
            "Cross-origin (CORS) settings.",
            optional("origins", TEXTS, "Allowed origins, e.g. https://example.com. Default *."),
            optional("methods", TEXTS, "Allowed methods. Default *."),
            optional("headers", TEXTS, "Allowed request headers. Default *."),
            optional("credentials", BOOL, "Allow credentials (then origins may not be *)."),
            optional("maxAge", DURATION, "How long browsers may cache the preflight answer."));

    public static final Shape AUTH = Shape.of(
            "auth",
            "Authorization of an HTTP route.",
            required("type", choice(AuthKind.class), "none, key (API key / function key) or jwt."),
            optional("issuer", Type.Text.matching("https://\\S+", "an https:// URL"), "JWT issuer URL (jwt only)."),
            optional("audience", TEXTS, "Accepted JWT audiences (jwt only)."));

    public static final Shape HTTP = Shape.of(
            "http",
            "An HTTP route.",
            required("method", choice(HttpMethod.class), "HTTP method or ANY."),
            required("path", TEXT, "Route path such as /orders/{id}; {name+} matches the rest."),
            optional("cors", new Type.Either(BOOL, new Type.Obj(CORS)), "true for permissive CORS, or a cors map."),
            optional(
                    "auth",
                    new Type.Either(choice(AuthKind.class), new Type.Obj(AUTH)),
                    "none (default), key, or a jwt auth map."));

    public static final Shape SCHEDULE = Shape.of(
            "schedule",
            "A timer: exactly one of cron and rate.",
            optional("cron", TEXT, "5-field unix cron: minute hour day-of-month month day-of-week."),
            optional("rate", DURATION, "Fixed interval, at least 1m."),
            optional("timezone", TEXT, "IANA time zone of the cron expression. Default UTC."),
            optional("input", new Type.Any(), "Value handed to the handler as event.input."),
            optional("enabled", BOOL, "false creates the schedule disabled. Default true."));

    public static final Shape QUEUE_EVENT = Shape.of(
            "queue",
            "Messages of a queue resource.",
            required("queue", resourceName("queue"), "The queue resource."),
            optional("batchSize", new Type.Int(1, 10_000), "Messages per invocation. Default 10."));

    public static final Shape TOPIC_EVENT = Shape.of(
            "topic",
            "Messages published to a topic resource.",
            required("topic", resourceName("topic"), "The topic resource."),
            optional(
                    "filter",
                    new Type.MapOf(TEXTS, null, null),
                    "Deliver only messages whose attributes match: attribute -> allowed values."));

    public static final Shape BUCKET_EVENT = Shape.of(
            "bucket",
            "Object changes in a bucket resource.",
            required("bucket", resourceName("bucket"), "The bucket resource."),
            optional("on", new Type.ListOf(choice(BucketAction.class)), "created and/or deleted. Default [created]."),
            optional("prefix", TEXT, "Only keys starting with this."),
            optional("suffix", TEXT, "Only keys ending with this."));

    public static final Shape TABLE_EVENT = Shape.of(
            "table",
            "The change stream of a table resource (needs stream: true).",
            required("table", resourceName("table"), "The table resource."),
            optional("batchSize", new Type.Int(1, 10_000), "Changes per invocation. Default 100."));

    public static final Shape EVENT = Shape.oneOf(
            "event",
            "A trigger; exactly one kind per list item.",
            optional(
                    "http",
                    new Type.Either(Type.Text.matching("[A-Za-z]+\\s+/\\S*", "METHOD /path"), new Type.Obj(HTTP)),
                    "HTTP route, e.g. 'GET /orders/{id}'."),
            optional(
                    "schedule",
                    new Type.Either(TEXT, new Type.Obj(SCHEDULE)),
                    "Cron expression or rate duration, or a schedule map."),
            optional(
                    "queue",
                    new Type.Either(resourceName("queue"), new Type.Obj(QUEUE_EVENT)),
                    "Queue name or a queue map."),
            optional(
                    "topic",
                    new Type.Either(resourceName("topic"), new Type.Obj(TOPIC_EVENT)),
                    "Topic name or a topic map."),
            optional(
                    "bucket",
                    new Type.Either(resourceName("bucket"), new Type.Obj(BUCKET_EVENT)),
                    "Bucket name or a bucket map."),
            optional(
                    "table",
                    new Type.Either(resourceName("table"), new Type.Obj(TABLE_EVENT)),
                    "Table name or a table map."));

    public static final Shape FUNCTION = DEFAULTS.plus(
            "function",
            "A function: handler, settings, triggers, permissions.",
            required(
                    "handler",
                    TEXT,
                    "Node.js/Python: path/file.export; Java: com.acme.Type::method; .NET: Assembly::Namespace.Type::Method; Go: executable."),
            optional("description", TEXT, "Free text."),
            optional("runtime", RUNTIME, "Runtime id; default the service's runtime."),
            optional(
                    "adapter",
                    choice(Adapter.class),
                    "portable (default): strato adapts each cloud's event; native: the cloud's own."),
            optional(
                    "deadLetter",
                    resourceName("queue"),
                    "Queue receiving events whose asynchronous processing failed."),
            optional("events", new Type.ListOf(new Type.Obj(EVENT)), "Triggers."),
            optional(
                    "permissions",
                    new Type.MapOf(
                            new Type.ListOf(choice(Verb.class)), Pattern.compile(RESOURCE_NAME), "resource names"),
                    "Resource -> verbs, rendered as least privilege on that resource."));

    public static final Shape KEY_ATTRIBUTE = Shape.of(
            "keyAttribute",
            "A key attribute with its type.",
            required("name", TEXT, "Attribute name."),
            optional("type", choice(KeyType.class), "string (default), number or binary."));

    static final Type KEY_PART = new Type.Either(TEXT, new Type.Obj(KEY_ATTRIBUTE));

    public static final Shape TABLE_KEY = Shape.of(
            "key",
            "Primary key of a table.",
            required("partition", KEY_PART, "Partition (hash) key."),
            optional("sort", KEY_PART, "Sort (range) key."));

    static final Field TYPE = required(
            "type", new Type.Choice(dev.strato.model.service.Resource.TYPES), "table, bucket, queue or topic.");

    public static final Shape TABLE = Shape.of(
            "table",
            "A key-value/document table (DynamoDB, Cosmos DB, Firestore).",
            TYPE,
            required("key", new Type.Obj(TABLE_KEY), "Primary key."),
            optional("ttl", TEXT, "Attribute holding the expiry time (epoch seconds)."),
            optional("stream", BOOL, "Publish a change stream (needed by table events)."));

    public static final Shape BUCKET = Shape.of(
            "bucket",
            "A private object storage bucket.",
            TYPE,
            optional("versioning", BOOL, "Keep object versions. Default false."),
            optional("expireAfterDays", new Type.Int(1, 36_500), "Delete objects after this many days."),
            optional("cors", new Type.Either(BOOL, new Type.Obj(CORS)), "Browser access settings."));

    public static final Shape QUEUE = Shape.of(
            "queue",
            "A message queue.",
            TYPE,
            optional("visibilityTimeout", DURATION, "How long a received message stays hidden. Default 30s."),
            optional("retention", DURATION, "How long unprocessed messages are kept. Default 4d."),
            optional(
                    "deadLetter", resourceName("queue"), "Queue receiving messages that failed maxReceiveCount times."),
            optional(
                    "maxReceiveCount",
                    new Type.Int(1, 1000),
                    "Receives before a message goes to deadLetter. Default 5."));

    public static final Shape TOPIC = Shape.of("topic", "A publish/subscribe topic.", TYPE);

    public static final Type RESOURCE = new Type.Tagged("type", resourceShapes());

    public static final Shape PACKAGE = Shape.of(
            "package",
            "What goes into function packages.",
            optional("include", TEXTS, "Glob patterns of project files to package. Default: everything."),
            optional("exclude", TEXTS, "Glob patterns to leave out."),
            optional("individually", BOOL, "One package per function (default true) or one shared package."));

    public static final Shape ROOT = Shape.of(
            "strato.yml",
            "A strato service: one provider-neutral description for AWS, Azure and GCP.",
            required(
                    "service",
                    Type.Text.matching(SERVICE_NAME, "2-31 lowercase letters, digits or -, starting with a letter"),
                    "Service name."),
            optional("description", TEXT, "Free text."),
            optional("runtime", RUNTIME, "Default runtime of every function. Default nodejs22."),
            optional("adapter", choice(Adapter.class), "Default handler adapter. Default portable."),
            optional(
                    "stage",
                    Type.Text.matching(
                            STAGE_NAME, "1-16 lowercase letters, digits or -, starting with a letter or digit"),
                    "Default stage; --stage overrides. Default dev."),
            required("providers", new Type.Obj(PROVIDERS), PROVIDERS.description()),
            optional(
                    "params",
                    new Type.MapOf(new Type.MapOf(new Type.Any(), null, null), null, null),
                    "Per-stage values for ${param:NAME}; 'default' applies to every stage."),
            optional("defaults", new Type.Obj(DEFAULTS), DEFAULTS.description()),
            optional("package", new Type.Obj(PACKAGE), PACKAGE.description()),
            required(
                    "functions",
                    new Type.MapOf(
                            new Type.Obj(FUNCTION),
                            Pattern.compile(FUNCTION_NAME),
                            "function names: a letter, then letters, digits or -, at most 64",
                            1,
                            "function"),
                    "Functions by name."),
            optional(
                    "resources",
                    new Type.MapOf(
                            RESOURCE,
                            Pattern.compile(RESOURCE_NAME),
                            "resource names: a letter, then letters or digits, at most 64"),
                    "Resources by name."));

    private static Map<String, Shape> resourceShapes() {
        Map<String, Shape> m = new LinkedHashMap<>();
        m.put("table", TABLE);
        m.put("bucket", BUCKET);
        m.put("queue", QUEUE);
        m.put("topic", TOPIC);
        return java.util.Collections.unmodifiableMap(m);
    }
}
