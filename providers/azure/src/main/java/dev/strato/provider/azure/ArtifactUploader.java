package dev.strato.provider.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import dev.strato.provider.ProgressListener;
import java.util.Map;

/**
 * Publishes app.zip to the package container of the app's host storage account, only when its SHA-256
 * differs from the one recorded in the deployed blob's metadata: a no-op redeploy sends 0 bytes. The
 * blob is what WEBSITE_RUN_FROM_PACKAGE points at on Consumption/Premium. Flex Consumption publishes
 * through {@link OneDeploy} instead; this class only records and reads what was published there.
 */
final class ArtifactUploader {

    static final String SHA_METADATA = "sha256";
    /**
     * On Flex the platform keeps the package one deploy received in the deployment container under its
     * own name; strato records the SHA-256 of what it published in this small blob beside it, written
     * only after the deployment succeeded, so an unchanged package is not sent again.
     */
    static final String FLEX_MARKER = "strato-published.sha256";

    private final AzureClients clients;

    ArtifactUploader(AzureClients clients) {
        this.clients = clients;
    }

    /** The SHA-256 of the deployed package (on Flex: the one last published), or null when there is none. */
    String deployedSha(String blobEndpoint, String container, GeneratedStack stack) {
        return deployedSha(blobEndpoint, container, stack.flex() ? FLEX_MARKER : GeneratedStack.PACKAGE);
    }

    /** The {@code sha256} metadata of blob {@code name}, or null when there is none. */
    String deployedSha(String blobEndpoint, String container, String name) {
        BlobClient blob =
                clients.blobs(blobEndpoint).getBlobContainerClient(container).getBlobClient(name);
        return AzureErrors.call("read the deployed package " + container + "/" + name, () -> {
            try {
                return blob.getProperties().getMetadata().get(SHA_METADATA);
            } catch (BlobStorageException e) {
                if (e.getStatusCode() == 404) return null;
                throw e;
            }
        });
    }

    /** Records, after a successful one deploy, the SHA-256 of the package Flex now runs. */
    void recordPublished(String blobEndpoint, String container, String sha256) {
        BlobContainerClient c = clients.blobs(blobEndpoint).getBlobContainerClient(container);
        byte[] text = (sha256 + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        AzureErrors.run("record the published package in " + container + "/" + FLEX_MARKER, () -> {
            BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromBytes(text))
                    .setMetadata(Map.of(SHA_METADATA, sha256))
                    .setHeaders(new BlobHttpHeaders().setContentType("text/plain"));
            try {
                c.getBlobClient(FLEX_MARKER).uploadWithResponse(options, null, Context.NONE);
            } catch (BlobStorageException e) {
                if (e.getErrorCode() != BlobErrorCode.CONTAINER_NOT_FOUND) throw e;
                c.createIfNotExists();
                c.getBlobClient(FLEX_MARKER).uploadWithResponse(options, null, Context.NONE);
            }
        });
    }

    /** Uploads when the package changed; returns the bytes sent (0 when it was already there). */
    long publish(String blobEndpoint, String container, GeneratedStack stack, ProgressListener progress) {
        if (stack.sha256().equals(deployedSha(blobEndpoint, container, GeneratedStack.PACKAGE))) return 0;
        BlobContainerClient c = clients.blobs(blobEndpoint).getBlobContainerClient(container);
        byte[] bytes = stack.appPackage();
        progress.uploadStarted(1, bytes.length);
        AzureErrors.run("upload " + GeneratedStack.PACKAGE + " to " + container, () -> {
            BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromBytes(bytes))
                    .setMetadata(Map.of(SHA_METADATA, stack.sha256()))
                    .setHeaders(new BlobHttpHeaders().setContentType("application/zip"));
            try {
                c.getBlobClient(GeneratedStack.PACKAGE).uploadWithResponse(options, null, Context.NONE);
            } catch (BlobStorageException e) {
                // the template creates the container; a deployment that failed before it leaves none
                if (e.getErrorCode() != BlobErrorCode.CONTAINER_NOT_FOUND) throw e;
                c.createIfNotExists();
                c.getBlobClient(GeneratedStack.PACKAGE).uploadWithResponse(options, null, Context.NONE);
            }
        });
        progress.uploaded(bytes.length);
        progress.uploadFinished();
        return bytes.length;
    }
}
