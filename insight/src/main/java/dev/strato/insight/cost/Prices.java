package dev.strato.insight.cost;

import static dev.strato.model.providers.Provider.AWS;
import static dev.strato.model.providers.Provider.AZURE;
import static dev.strato.model.providers.Provider.GCP;

import dev.strato.model.providers.Provider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The one prices table: every price strato cost uses, with its source and the date it was read.
 * A price change is a one-line change here; {@code PricesTest} recomputes the providers' worked
 * examples from these rows to the cent.
 */
public final class Prices {

    static final String LAMBDA = "https://aws.amazon.com/lambda/pricing/";
    static final String AZURE_FUNCTIONS = "https://azure.microsoft.com/en-us/pricing/details/functions/";
    static final String CLOUD_RUN = "https://cloud.google.com/run/pricing";
    static final String READ = "2026-12-08";

    // meters
    public static final String REQUESTS = "requests";
    public static final String GB_SECONDS_X86 = "gb-seconds-x86_64";
    public static final String GB_SECONDS_ARM = "gb-seconds-arm64";
    public static final String FLEX_EXECUTIONS = "flex-executions";
    public static final String FLEX_GB_SECONDS = "flex-gb-seconds";
    public static final String CONSUMPTION_EXECUTIONS = "consumption-executions";
    public static final String CONSUMPTION_GB_SECONDS = "consumption-gb-seconds";
    public static final String VCPU_SECONDS = "vcpu-seconds";
    public static final String GIB_SECONDS = "gib-seconds";
    public static final String API_REQUESTS = "api-requests";
    public static final String QUEUE_REQUESTS = "queue-requests";
    public static final String TOPIC_PUBLISHES = "topic-publishes";
    public static final String MESSAGING_GIB = "messaging-gib";
    public static final String TABLE_READS = "table-reads";
    public static final String TABLE_WRITES = "table-writes";
    public static final String LOG_GB = "log-ingestion-gb";
    public static final String TABLE_STORAGE = "table-storage-gb-month";
    public static final String BUCKET_STORAGE = "bucket-storage-gb-month";

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static final List<Price> ROWS = List.of(
            // AWS Lambda, US East (N. Virginia): "All examples below are based on price in US East (N. Virginia)"
            new Price(AWS, "us-east-1", REQUESTS, "request", d("0.0000002"), d("1000000"), LAMBDA, READ),
            new Price(AWS, "us-east-1", GB_SECONDS_X86, "GB-second", d("0.0000166667"), d("400000"), LAMBDA, READ),
            new Price(AWS, "us-east-1", GB_SECONDS_ARM, "GB-second", d("0.0000133334"), d("400000"), LAMBDA, READ),
            // the 1M free HTTP API calls are for new accounts' first 12 months only: not a lasting free tier
            new Price(
                    AWS,
                    "us-east-1",
                    API_REQUESTS,
                    "HTTP API request (first 300M)",
                    d("0.000001"),
                    d("0"),
                    "https://aws.amazon.com/api-gateway/pricing/",
                    READ),
            new Price(
                    AWS,
                    "us-east-1",
                    QUEUE_REQUESTS,
                    "SQS standard request (64 KB chunk)",
                    d("0.0000004"),
                    d("1000000"),
                    "https://aws.amazon.com/sqs/pricing/",
                    null),
            new Price(
                    AWS,
                    "us-east-1",
                    TOPIC_PUBLISHES,
                    "SNS publish (64 KB chunk)",
                    d("0.0000005"),
                    d("1000000"),
                    "https://aws.amazon.com/sns/pricing/",
                    null),
            new Price(
                    AWS,
                    "us-east-1",
                    TABLE_READS,
                    "DynamoDB on-demand read request unit",
                    d("0.000000125"),
                    d("0"),
                    "https://aws.amazon.com/dynamodb/pricing/on-demand/",
                    null),
            new Price(
                    AWS,
                    "us-east-1",
                    TABLE_WRITES,
                    "DynamoDB on-demand write request unit",
                    d("0.000000625"),
                    d("0"),
                    "https://aws.amazon.com/dynamodb/pricing/on-demand/",
                    null),
            new Price(
                    AWS,
                    "us-east-1",
                    TABLE_STORAGE,
                    "DynamoDB Standard GB-month (first 25 GB free)",
                    d("0.25"),
                    d("25"),
                    "https://aws.amazon.com/dynamodb/pricing/on-demand/",
                    null),
            new Price(
                    AWS,
                    "us-east-1",
                    BUCKET_STORAGE,
                    "S3 Standard GB-month (first 50 TB)",
                    d("0.023"),
                    d("0"),
                    "https://aws.amazon.com/s3/pricing/",
                    null),
            new Price(
                    AWS,
                    "us-east-1",
                    LOG_GB,
                    "CloudWatch Logs GB ingested",
                    d("0.50"),
                    d("5"),
                    "https://aws.amazon.com/cloudwatch/pricing/",
                    null),
            // Azure Functions, East US (the pricing page's default region)
            new Price(
                    AZURE,
                    "eastus",
                    FLEX_EXECUTIONS,
                    "execution (on demand)",
                    d("0.0000004"),
                    d("250000"),
                    AZURE_FUNCTIONS,
                    READ),
            new Price(
                    AZURE,
                    "eastus",
                    FLEX_GB_SECONDS,
                    "GB-second (on demand)",
                    d("0.000026"),
                    d("100000"),
                    AZURE_FUNCTIONS,
                    READ),
            new Price(
                    AZURE,
                    "eastus",
                    CONSUMPTION_EXECUTIONS,
                    "execution",
                    d("0.0000002"),
                    d("1000000"),
                    AZURE_FUNCTIONS,
                    READ),
            new Price(
                    AZURE,
                    "eastus",
                    CONSUMPTION_GB_SECONDS,
                    "GB-second",
                    d("0.000016"),
                    d("400000"),
                    AZURE_FUNCTIONS,
                    READ),
            new Price(
                    AZURE,
                    "eastus",
                    QUEUE_REQUESTS,
                    "Service Bus Standard operation (after 13M included)",
                    d("0.0000008"),
                    d("13000000"),
                    "https://azure.microsoft.com/en-us/pricing/details/service-bus/",
                    null),
            new Price(
                    AZURE,
                    "eastus",
                    TOPIC_PUBLISHES,
                    "Service Bus Standard operation (after 13M included)",
                    d("0.0000008"),
                    d("0"),
                    "https://azure.microsoft.com/en-us/pricing/details/service-bus/",
                    null),
            new Price(
                    AZURE,
                    "eastus",
                    TABLE_READS,
                    "Cosmos DB serverless request unit (1 per 1 KB read)",
                    d("0.00000025"),
                    d("0"),
                    "https://azure.microsoft.com/en-us/pricing/details/cosmos-db/serverless/",
                    null),
            new Price(
                    AZURE,
                    "eastus",
                    TABLE_WRITES,
                    "Cosmos DB serverless request unit (5 per 1 KB write)",
                    d("0.00000125"),
                    d("0"),
                    "https://azure.microsoft.com/en-us/pricing/details/cosmos-db/serverless/",
                    null),
            new Price(
                    AZURE,
                    "eastus",
                    TABLE_STORAGE,
                    "Cosmos DB serverless transactional storage GB-month",
                    d("0.25"),
                    d("0"),
                    "https://azure.microsoft.com/en-us/pricing/details/cosmos-db/serverless/",
                    null),
            new Price(
                    AZURE,
                    "eastus",
                    BUCKET_STORAGE,
                    "Blob Storage hot LRS GB-month (first 50 TB)",
                    d("0.018"),
                    d("0"),
                    "https://azure.microsoft.com/en-us/pricing/details/storage/blobs/",
                    null),
            new Price(
                    AZURE,
                    "eastus",
                    LOG_GB,
                    "Log Analytics GB ingested (analytics logs)",
                    d("2.30"),
                    d("5"),
                    "https://azure.microsoft.com/en-us/pricing/details/monitor/",
                    null),
            // Cloud Run functions (request-based billing), Tier 1 regions
            new Price(GCP, "tier1", REQUESTS, "request", d("0.0000004"), d("2000000"), CLOUD_RUN, READ),
            new Price(GCP, "tier1", VCPU_SECONDS, "vCPU-second", d("0.000024"), d("180000"), CLOUD_RUN, READ),
            new Price(GCP, "tier1", GIB_SECONDS, "GiB-second", d("0.0000025"), d("360000"), CLOUD_RUN, READ),
            new Price(
                    GCP,
                    "tier1",
                    API_REQUESTS,
                    "API Gateway call (first 2M free)",
                    d("0.000003"),
                    d("2000000"),
                    "https://cloud.google.com/api-gateway/pricing",
                    null),
            // $40 per TiB in all regions after 10 GiB a month; at least 1,000 bytes per publish, push or pull request
            new Price(
                    GCP,
                    "tier1",
                    MESSAGING_GIB,
                    "Pub/Sub throughput GiB (publish and delivery, 1,000-byte minimum per request)",
                    d("0.0390625"),
                    d("10"),
                    "https://cloud.google.com/pubsub/pricing",
                    READ),
            // free: 50,000 reads and 20,000 writes a day on the (default) database (read 2026-12-08), as 30-day months
            // here
            new Price(
                    GCP,
                    "tier1",
                    TABLE_READS,
                    "Firestore document read",
                    d("0.0000003"),
                    d("1500000"),
                    "https://cloud.google.com/firestore/pricing",
                    null),
            new Price(
                    GCP,
                    "tier1",
                    TABLE_WRITES,
                    "Firestore document write",
                    d("0.0000009"),
                    d("600000"),
                    "https://cloud.google.com/firestore/pricing",
                    null),
            new Price(
                    GCP,
                    "tier1",
                    TABLE_STORAGE,
                    "Firestore stored GiB-month (1 GiB free on the default database)",
                    d("0.18"),
                    d("1"),
                    "https://cloud.google.com/firestore/pricing",
                    null),
            new Price(
                    GCP,
                    "tier1",
                    BUCKET_STORAGE,
                    "Cloud Storage Standard regional GB-month",
                    d("0.020"),
                    d("0"),
                    "https://cloud.google.com/storage/pricing",
                    null),
            new Price(
                    GCP,
                    "tier1",
                    LOG_GB,
                    "Cloud Logging GiB ingested",
                    d("0.50"),
                    d("50"),
                    "https://cloud.google.com/stackdriver/pricing",
                    null));

    /** Cloud Run's Tier 1 regions (the regions priced at the rows above). */
    static final List<String> GCP_TIER1 = List.of(
            "asia-east1",
            "asia-northeast1",
            "asia-northeast2",
            "europe-north1",
            "europe-west1",
            "europe-west4",
            "us-central1",
            "us-east1",
            "us-east4",
            "us-west1");

    private Prices() {}

    public static List<Price> all() {
        return ROWS;
    }

    /** The region whose rows price {@code region}; the reference region when the table has none for it. */
    public static String pricedRegion(Provider p, String region) {
        if (p == GCP) return "tier1";
        return p == AWS ? "us-east-1" : "eastus";
    }

    /** Whether the table prices {@code region} itself (else the output says it used the reference region). */
    public static boolean pricesExactly(Provider p, String region) {
        if (p == GCP) return GCP_TIER1.contains(region);
        return p == AWS ? "us-east-1".equals(region) : "eastus".equals(region);
    }

    public static Price of(Provider p, String meter) {
        return find(p, meter).orElseThrow(() -> new IllegalStateException("no price for " + p + " " + meter));
    }

    public static Optional<Price> find(Provider p, String meter) {
        String region = pricedRegion(p, null);
        return ROWS.stream()
                .filter(r -> r.provider() == p
                        && r.region().equals(region)
                        && r.meter().equals(meter))
                .findFirst();
    }
}
