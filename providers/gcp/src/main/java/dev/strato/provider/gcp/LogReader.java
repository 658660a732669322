package dev.strato.provider.gcp;

import dev.strato.provider.LogEvent;
import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import dev.strato.provider.ProviderException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a function's log: the Cloud Logging entries of its Cloud Run service (entries.list over REST, oldest first),
 * and with {@code follow} polls for new ones from the newest time seen, dropping the entries already printed
 * (equal timestamps come back on the next poll) by their insertId.
 * Reference: https://cloud.google.com/logging/docs/reference/v2/rest/v2/entries/list
 */
final class LogReader {

    private static final int REMEMBERED = 10_000;

    private final GcpClients clients;

    LogReader(GcpClients clients) {
        this.clients = clients;
    }

    void read(String service, LogQuery query, LogSink sink) {
        Instant since = query.since() == null ? Instant.now().minusSeconds(600) : query.since();
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> order = new ArrayDeque<>();
        while (true) {
            Instant newest = since;
            String page = null;
            do {
                JsonNode answer = list(filter(service, since, query.filter()), page);
                for (JsonNode e : answer.path("entries")) {
                    String id = e.path("insertId").asString("") + "@"
                            + e.path("timestamp").asString("");
                    if (!seen.add(id)) continue;
                    order.add(id);
                    if (order.size() > REMEMBERED) seen.remove(order.poll());
                    Instant time = time(e.path("timestamp").asString(""));
                    if (time != null && time.isAfter(newest)) newest = time;
                    sink.accept(new LogEvent(e.path("insertId").asString(""), time, stream(e), message(e)));
                    if (sink.stopped()) return;
                }
                page = answer.path("nextPageToken").asString("");
            } while (!page.isEmpty());
            if (!query.follow() || sink.stopped()) return;
            since = newest;
            try {
                Thread.sleep(query.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (sink.stopped()) return;
        }
    }

    String filter(String service, Instant since, String text) {
        String f = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"" + service + "\""
                + " AND timestamp>=\"" + since + "\"";
        if (text != null && !text.isBlank())
            f += " AND \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return f;
    }

    private JsonNode list(String filter, String page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resourceNames", List.of("projects/" + clients.target().project()));
        body.put("filter", filter);
        body.put("orderBy", "timestamp asc");
        body.put("pageSize", 1000);
        if (page != null && !page.isEmpty()) body.put("pageToken", page);
        try {
            return clients.rest().post("logging", "/v2/entries:list", body);
        } catch (GoogleApiException e) {
            throw new ProviderException("could not read logs: " + GcpErrors.describe(e), e);
        }
    }

    private static String stream(JsonNode e) {
        String revision =
                e.path("resource").path("labels").path("revision_name").asString("");
        String severity = e.path("severity").asString("DEFAULT");
        return revision.isEmpty() ? severity : revision + " " + severity;
    }

    static String message(JsonNode e) {
        if (e.path("textPayload").isString()) return e.path("textPayload").asString();
        JsonNode json = e.path("jsonPayload");
        if (json.isObject())
            return json.path("message").isString() ? json.path("message").asString() : json.toString();
        JsonNode http = e.path("httpRequest");
        if (http.isObject())
            return http.path("requestMethod").asString("") + " "
                    + http.path("requestUrl").asString("") + " "
                    + http.path("status").asInt(0);
        JsonNode proto = e.path("protoPayload");
        return proto.isObject() ? proto.path("status").path("message").asString(proto.toString()) : "";
    }

    private static Instant time(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
