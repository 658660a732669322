package dev.strato.insight.graph;

import dev.strato.generator.naming.ResourceNames;
import dev.strato.insight.graph.Graph.Kind;
import dev.strato.model.providers.AzureQueues;
import dev.strato.model.providers.GcpGateway;
import dev.strato.model.providers.Limits;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.util.List;
import java.util.Map;

/**
 * What each node is on one provider: the resource type the generator writes (the same type names as
 * its IaC document) and the name strato derives ({@code <service>-<stage>-<name>}, cut to the
 * provider's length limit from limits.tsv).
 */
final class NativeNames {

    private static final Map<Kind, String> AWS = Map.of(
            Kind.FUNCTION,
            "AWS::Lambda::Function",
            Kind.ROUTE,
            "AWS::ApiGatewayV2::Route",
            Kind.SCHEDULE,
            "AWS::Scheduler::Schedule",
            Kind.TABLE,
            "AWS::DynamoDB::Table",
            Kind.BUCKET,
            "AWS::S3::Bucket",
            Kind.QUEUE,
            "AWS::SQS::Queue",
            Kind.TOPIC,
            "AWS::SNS::Topic",
            Kind.SECRET,
            "Secrets Manager secret");
    private static final Map<Kind, String> AZURE = Map.of(
            Kind.FUNCTION,
            "Microsoft.Web/sites/functions",
            Kind.ROUTE,
            "HTTP trigger",
            Kind.SCHEDULE,
            "timer trigger",
            Kind.TABLE,
            "Microsoft.DocumentDB/databaseAccounts (container)",
            Kind.BUCKET,
            "Microsoft.Storage/storageAccounts (blob container)",
            Kind.QUEUE,
            "Microsoft.ServiceBus/namespaces (queue)",
            Kind.TOPIC,
            "Microsoft.ServiceBus/namespaces (topic)",
            Kind.SECRET,
            "Microsoft.KeyVault/vaults (secret)");
    private static final Map<Kind, String> GCP = Map.of(
            Kind.FUNCTION,
            "google_cloudfunctions2_function",
            Kind.ROUTE,
            "function URL",
            Kind.SCHEDULE,
            "google_cloud_scheduler_job",
            Kind.TABLE,
            "google_firestore_database (collection)",
            Kind.BUCKET,
            "google_storage_bucket",
            Kind.QUEUE,
            "google_pubsub_topic + google_pubsub_subscription",
            Kind.TOPIC,
            "google_pubsub_topic",
            Kind.SECRET,
            "Secret Manager secret");
    private static final Map<Kind, String> LIMIT = Map.of(
            Kind.FUNCTION,
            "functionName",
            Kind.TABLE,
            "tableName",
            Kind.BUCKET,
            "bucketName",
            Kind.QUEUE,
            "queueName",
            Kind.TOPIC,
            "queueName",
            Kind.SECRET,
            "secretName");

    private final Provider provider;
    private final Service service;
    private final ResourceNames names;

    NativeNames(Service service, Provider provider) {
        this.service = service;
        this.provider = provider;
        this.names = new ResourceNames(service.name(), service.stage());
    }

    String type(Kind kind, String label) {
        if (provider == Provider.AZURE
                && kind == Kind.QUEUE
                && service.providers().azure() != null
                && service.providers().azure().queues() == AzureQueues.STORAGE) {
            return "Microsoft.Storage/storageAccounts (queue)";
        }
        if (provider == Provider.GCP
                && kind == Kind.ROUTE
                && service.providers().gcp() != null
                && service.providers().gcp().gateway() == GcpGateway.API_GATEWAY) {
            return "google_api_gateway_api_config";
        }
        return (provider == Provider.AWS ? AWS : provider == Provider.AZURE ? AZURE : GCP).get(kind);
    }

    /** The derived name of a function or resource; null for routes and schedules, which are parts of others. */
    String name(Kind kind, String label) {
        String limit = LIMIT.get(kind);
        if (limit == null) return null;
        if (kind == Kind.SECRET) return label;
        List<Limits.Limit> rows = Limits.of(provider, limit, null, null);
        long max = rows.stream()
                .filter(l -> l.max() != null)
                .mapToLong(Limits.Limit::max)
                .min()
                .orElse(63);
        return names.of(label, (int) Math.max(max, ResourceNames.HASH_DIGITS + 2));
    }
}
