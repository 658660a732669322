package dev.strato.provider.gcp;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import dev.strato.provider.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets and Firestore databases of a configuration, which remove keeps unless asked: emptying and deleting
 * them (--include-data), and telling whether one still exists (a redeploy after a remove imports it).
 */
final class DataResources {

    private final GcpClients clients;

    DataResources(GcpClients clients) {
        this.clients = clients;
    }

    boolean exists(ConfigDocument.DataResource r) {
        if (r.name() == null) return false;
        if (r.type().equals(ConfigDocument.BUCKET))
            return GcpErrors.call(
                            "read bucket " + r.name(), () -> clients.storage().get(r.name()))
                    != null;
        try {
            clients.rest().get("firestore", "/v1/" + databaseName(r));
            return true;
        } catch (GoogleApiException e) {
            if (e.notFound()) return false;
            throw new dev.strato.provider.ProviderException(
                    "could not read Firestore database " + r.name() + ": " + GcpErrors.describe(e), e);
        }
    }

    String databaseName(ConfigDocument.DataResource r) {
        return "projects/" + clients.target().project() + "/databases/" + r.name();
    }

    /** Terraform's import id of the resource. */
    String importId(ConfigDocument.DataResource r) {
        return r.type().equals(ConfigDocument.BUCKET) ? clients.target().project() + "/" + r.name() : databaseName(r);
    }

    /** Deletes every object (all versions) of the buckets, so that Terraform can delete them. */
    void emptyBuckets(List<ConfigDocument.DataResource> data, ProgressListener progress) {
        Storage storage = clients.storage();
        for (ConfigDocument.DataResource r : data) {
            if (!r.type().equals(ConfigDocument.BUCKET) || r.name() == null || storage.get(r.name()) == null) continue;
            progress.step("Emptying bucket gs://" + r.name());
            for (Blob b : GcpErrors.call(
                            "list gs://" + r.name(),
                            () -> storage.list(r.name(), Storage.BlobListOption.versions(true)))
                    .iterateAll()) {
                GcpErrors.call("delete gs://" + r.name() + "/" + b.getName(), () -> storage.delete(b.getBlobId()));
            }
        }
    }

    /** Deletes the Firestore databases the configuration abandons on destroy; the names deleted. */
    List<String> deleteDatabases(List<ConfigDocument.DataResource> data, ProgressListener progress) {
        List<String> deleted = new ArrayList<>();
        OperationPoller poller = new OperationPoller(clients.rest(), "firestore", clients.settings());
        for (ConfigDocument.DataResource r : data) {
            if (!r.type().equals(ConfigDocument.DATABASE) || !exists(r)) continue;
            progress.step("Deleting Firestore database " + r.name());
            var op = GcpErrors.call(
                    "delete Firestore database " + r.name(),
                    () -> clients.rest().delete("firestore", "/v1/" + databaseName(r)));
            poller.await(op, "Deleting Firestore database " + r.name(), progress);
            deleted.add(r.name());
        }
        return deleted;
    }

    static List<String> names(List<ConfigDocument.DataResource> data) {
        List<String> list = new ArrayList<>();
        for (ConfigDocument.DataResource r : data)
            list.add((r.type().equals(ConfigDocument.BUCKET) ? "bucket " : "Firestore database ") + r.name());
        return list;
    }
}
