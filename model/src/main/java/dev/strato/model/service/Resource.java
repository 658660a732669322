package dev.strato.model.service;

import java.time.Duration;
import java.util.List;

/** A stateful resource the service owns. */
public sealed interface Resource permits Resource.Table, Resource.Bucket, Resource.Queue, Resource.Topic {

    /** The {@code type} key in strato.yml. */
    String type();

    List<String> TYPES = List.of("table", "bucket", "queue", "topic");

    record Key(String name, KeyType type) {}

    record Table(Key partition, Key sort, String ttl, boolean stream) implements Resource {
        @Override
        public String type() {
            return "table";
        }
    }

    record Bucket(boolean versioning, Integer expireAfterDays, Event.Cors cors) implements Resource {
        @Override
        public String type() {
            return "bucket";
        }
    }

    record Queue(Duration visibilityTimeout, Duration retention, String deadLetter, int maxReceiveCount)
            implements Resource {
        @Override
        public String type() {
            return "queue";
        }
    }

    record Topic() implements Resource {
        @Override
        public String type() {
            return "topic";
        }
    }
}
