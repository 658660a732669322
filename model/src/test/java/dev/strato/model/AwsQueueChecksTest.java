package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS's advice for SQS event sources (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html). */
class AwsQueueChecksTest {

    @TempDir
    Path dir;

    private LoadResult load(String visibility) {
        return Models.load(dir, """
                service: queues
                runtime: nodejs22
                providers:
                  aws: { region: us-east-1 }
                functions:
                  worker:
                    handler: src/a.main
                    timeout: 30s
                    events: [ { queue: jobs } ]
                resources:
                  jobs: { type: queue, visibilityTimeout: %s }
                """.formatted(visibility));
    }

    @Test
    void visibilityBelowSixTimesTheTimeoutIsAWarning() {
        assertThat(Models.lines(load("60s")))
                .contains("strato.yml:9:24: warning: functions.worker.events[0].queue: queue jobs has"
                        + " visibilityTimeout 1m, less than 6x the timeout 30s of function worker that aws recommends: messages may be delivered"
                        + " twice (set it to 3m)");
        assertThat(Models.lines(load("180s"))).noneMatch(l -> l.contains("visibilityTimeout"));
        assertThat(Models.errors(load("20s"))).singleElement().asString().contains("aws refuses this");
    }
}
