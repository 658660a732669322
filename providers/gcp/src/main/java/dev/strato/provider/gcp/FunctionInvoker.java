package dev.strato.provider.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import dev.strato.provider.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Invokes a deployed function the way its events reach it: an HTTP function through its URI with an ID token of the
 * caller's credentials (audience: the URI); a queue or topic function by publishing the data to its Pub/Sub topic;
 * a bucket function by uploading a file to its bucket. Only HTTP answers synchronously: the others say what was
 * sent (message id, object) and the function runs on delivery.
 */
final class FunctionInvoker {

    private final GcpClients clients;
    private final FunctionInspector inspector;

    FunctionInvoker(GcpClients clients, FunctionInspector inspector) {
        this.clients = clients;
        this.inspector = inspector;
    }

    InvokeResult invoke(ConfigDocument.FunctionRef f, InvokeRequest request) {
        return switch (f.trigger()) {
            case HTTP -> http(f, request);
            case TOPIC -> publish(f, request);
            case BUCKET -> upload(f, request);
            default ->
                throw new ProviderException("function " + f.name()
                        + " is triggered by a table or a schedule, which strato cannot fire on GCP:"
                        + " change a document or run the job ('gcloud scheduler jobs run') instead");
        };
    }

    private InvokeResult http(ConfigDocument.FunctionRef f, InvokeRequest request) {
        String uri = inspector.uri(f);
        String token = idToken(uri);
        GoogleRest.Answer a = clients.anonymous()
                .raw("POST", uri, request.payload(), "application/json", Map.of("Authorization", "Bearer " + token));
        String body = a.text();
        String error = a.status() >= 400
                ? "HTTP " + a.status() + (body.isBlank() ? "" : ": " + GcpErrors.firstLine(body))
                : null;
        return new InvokeResult(f.name(), a.status(), body, error, null);
    }

    /** An ID token for {@code audience}; credentials that cannot mint one (a plain access token) are told what to use. */
    private String idToken(String audience) {
        var credentials = clients.credentials();
        if (!(credentials instanceof IdTokenProvider provider)) {
            throw new ProviderException(
                    "these credentials (" + credentials.getClass().getSimpleName() + ") cannot mint an ID token for "
                            + audience
                            + ": use a service account key, 'gcloud auth application-default login', or workload identity federation with service account impersonation");
        }
        IdTokenCredentials id = IdTokenCredentials.newBuilder()
                .setIdTokenProvider(provider)
                .setTargetAudience(audience)
                .build();
        try {
            id.refresh();
            return id.getIdToken().getTokenValue();
        } catch (IOException | RuntimeException e) {
            throw new ProviderException(
                    Credentials.refused("no ID token for " + audience + ": " + GcpErrors.firstLine(e.getMessage())), e);
        }
    }

    private InvokeResult publish(ConfigDocument.FunctionRef f, InvokeRequest request) {
        if (f.target() == null)
            throw new ProviderException("function " + f.name() + ": its topic has no literal name in main.tf.json");
        TopicName topic = TopicName.of(clients.target().project(), f.target());
        TopicAdminClient client = clients.topics();
        PubsubMessage message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(request.payload()))
                .build();
        PublishResponse r;
        try {
            r = client.publish(topic, List.of(message));
        } catch (ApiException e) {
            throw new ProviderException(
                    "could not publish to " + topic + ": " + e.getStatusCode().getCode() + ": "
                            + GcpErrors.firstLine(e.getMessage()),
                    e);
        }
        String id = r.getMessageIdsCount() == 0 ? "" : r.getMessageIds(0);
        String payload = "{\"published\":\"" + topic + "\",\"messageId\":\"" + id + "\",\"note\":\"function " + f.name()
                + " runs when Pub/Sub delivers the message; see 'strato logs -f " + f.name() + "'\"}";
        return new InvokeResult(f.name(), 200, payload, null, null);
    }

    private InvokeResult upload(ConfigDocument.FunctionRef f, InvokeRequest request) {
        if (request.file() == null) {
            throw new ProviderException("function " + f.name() + " runs on uploads to bucket " + f.target()
                    + ": pass --file PATH to upload a file there");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(request.file());
        } catch (IOException e) {
            throw new ProviderException("could not read " + request.file() + ": " + e.getMessage(), e);
        }
        String object = request.file().getFileName().toString();
        BlobInfo info = BlobInfo.newBuilder(BlobId.of(f.target(), object)).build();
        GcpErrors.call(
                "upload " + object + " to gs://" + f.target(),
                () -> clients.storage().create(info, content));
        String payload = "{\"uploaded\":\"gs://" + f.target() + "/" + object + "\",\"bytes\":" + content.length
                + ",\"note\":\"function " + f.name() + " runs when Eventarc delivers the event; see 'strato logs -f "
                + f.name() + "'\"}";
        return new InvokeResult(f.name(), 200, payload, null, null);
    }
}
