package dev.strato.model.service;

import dev.strato.model.support.Maps;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A trigger of a function. */
public sealed interface Event permits Event.Http, Event.Schedule, Event.Queue, Event.Topic, Event.Bucket, Event.Table {

    /** The key that names this kind in strato.yml. */
    String kind();

    List<String> KINDS = List.of("http", "schedule", "queue", "topic", "bucket", "table");

    record Http(HttpMethod method, String path, Cors cors, Auth auth) implements Event {
        @Override
        public String kind() {
            return "http";
        }
    }

    /** Exactly one of {@code cron} (5-field unix) and {@code rate} is set. */
    record Schedule(String cron, Duration rate, String timezone, Object input, boolean enabled) implements Event {
        @Override
        public String kind() {
            return "schedule";
        }
    }

    record Queue(String queue, int batchSize) implements Event {
        @Override
        public String kind() {
            return "queue";
        }
    }

    record Topic(String topic, Map<String, List<String>> filter) implements Event {
        public Topic {
            filter = Maps.copy(filter);
        }

        @Override
        public String kind() {
            return "topic";
        }
    }

    record Bucket(String bucket, List<BucketAction> on, String prefix, String suffix) implements Event {
        public Bucket {
            on = Maps.copy(on);
        }

        @Override
        public String kind() {
            return "bucket";
        }
    }

    record Table(String table, int batchSize) implements Event {
        @Override
        public String kind() {
            return "table";
        }
    }

    /** Browser cross-origin settings of an HTTP route or a bucket. */
    record Cors(
            List<String> origins, List<String> methods, List<String> headers, boolean credentials, Duration maxAge) {
        public static final Cors OPEN = new Cors(List.of("*"), List.of("*"), List.of("*"), false, null);

        public Cors {
            origins = Maps.copy(origins);
            methods = Maps.copy(methods);
            headers = Maps.copy(headers);
        }
    }

    record Auth(AuthKind kind, String issuer, List<String> audience) {
        public static final Auth NONE = new Auth(AuthKind.NONE, null, List.of());

        public Auth {
            audience = Maps.copy(audience);
        }
    }
}
