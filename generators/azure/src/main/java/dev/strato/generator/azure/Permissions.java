package dev.strato.generator.azure;

import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Verb;
import java.util.List;

/**
 * {@code permissions} as roles on the one resource each names (MODEL.md, Permissions): tables
 * as Cosmos DB data roles, buckets as Storage Blob Data roles on the container, queues as
 * Service Bus (or Storage Queue) sender and receiver roles on the queue, topics as Service Bus
 * Data Sender on the topic.
 */
final class Permissions {

    private Permissions() {}

    static void grant(Service s, List<Function> functions, DataResources data, RoleAssignments grants) {
        for (Function f : functions) {
            f.permissions().forEach((name, verbs) -> {
                Resource r = s.resources().get(name);
                ArmResource target = data.get(name);
                for (Verb v : verbs)
                    grants.grant(
                            role(r, v, data.storageQueues()),
                            target,
                            "function " + f.name() + " (" + v + " " + name + ")");
            });
        }
    }

    static Role role(Resource r, Verb v, boolean storageQueues) {
        if (r instanceof Resource.Table) return v == Verb.READ ? Role.COSMOS_DATA_READER : Role.COSMOS_DATA_CONTRIBUTOR;
        if (r instanceof Resource.Bucket)
            return v == Verb.READ ? Role.STORAGE_BLOB_DATA_READER : Role.STORAGE_BLOB_DATA_CONTRIBUTOR;
        if (r instanceof Resource.Queue) {
            if (storageQueues)
                return v == Verb.SEND
                        ? Role.STORAGE_QUEUE_DATA_MESSAGE_SENDER
                        : Role.STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR;
            return v == Verb.SEND ? Role.SERVICE_BUS_DATA_SENDER : Role.SERVICE_BUS_DATA_RECEIVER;
        }
        return Role.SERVICE_BUS_DATA_SENDER;
    }
}
