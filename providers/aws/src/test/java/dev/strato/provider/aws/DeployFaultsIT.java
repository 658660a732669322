package dev.strato.provider.aws;

import static dev.strato.provider.aws.FaultProxy.Fault.BAD_GATEWAY_502;
import static dev.strato.provider.aws.FaultProxy.Fault.DROP_BEFORE;
import static dev.strato.provider.aws.FaultProxy.Fault.INTERNAL_500;
import static dev.strato.provider.aws.FaultProxy.Fault.RESET;
import static dev.strato.provider.aws.FaultProxy.Fault.SLOW;
import static dev.strato.provider.aws.FaultProxy.Fault.STALL;
import static dev.strato.provider.aws.FaultProxy.Fault.THROTTLE;
import static dev.strato.provider.aws.FaultProxy.Fault.TRUNCATE_BODY;
import static dev.strato.provider.aws.FaultProxy.Fault.TRUNCATE_HEAD;
import static dev.strato.provider.aws.FaultProxy.Fault.UNAVAILABLE_503;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.aws.testing.MotoServer;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deploys of examples/orders to moto through {@link FaultProxy}. The clients retry with the
 * standard strategy (bounded attempts, exponential backoff, a per-attempt timeout); every scenario
 * either finishes, or fails with one clear line and leaves a stack that the next deploy repairs.
 *
 * <p>Scenarios that finish:
 * <ol>
 *   <li>ThrottlingException on the first 3 DescribeStacks</li>
 *   <li>ThrottlingException on the first 2 CreateChangeSet</li>
 *   <li>a burst of HTTP 503 on DescribeChangeSet (3)</li>
 *   <li>HTTP 500 on the first ExecuteChangeSet (not passed on)</li>
 *   <li>HTTP 502 on the first 2 GetCallerIdentity</li>
 *   <li>S3 SlowDown (503) on the first 3 uploads</li>
 *   <li>connection dropped before the request on the first 2 HEAD requests (bucket and packages)</li>
 *   <li>connection reset on the first 2 DescribeStackEvents</li>
 *   <li>every DescribeStacks answered slowly (within the attempt timeout)</li>
 *   <li>the first CreateChangeSet stalled past the attempt timeout</li>
 *   <li>the first 2 answers to DescribeChangeSet cut inside their headers</li>
 *   <li>the first request of every operation throttled</li>
 * </ol>
 * Scenarios that fail clearly and are repaired by a re-run:
 * <ol start="13">
 *   <li>HTTP 503 on every ExecuteChangeSet</li>
 *   <li>S3 SlowDown on every upload</li>
 *   <li>an answer to DescribeChangeSet cut inside its body (the SDK reads a short body as unparseable XML, which it does not retry)</li>
 * </ol>
 * Not here: a connection dropped after CreateChangeSet reached moto. AWS answers the retry with
 * AlreadyExists (handled), but moto makes a second stack record that stays REVIEW_IN_PROGRESS.
 */
class DeployFaultsIT {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    /** 5 attempts, 20-200 ms backoff, 4 s per attempt: faults clear within a second or two. */
    private static final ClientSettings RETRYING = new ClientSettings(
            5,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            Duration.ofSeconds(4),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            Duration.ofSeconds(30),
            4);

    private static FaultProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = new FaultProxy(MOTO.endpoint(), 300, 6000);
        // moto loads its CloudFormation backend on the first call (~2 s): not inside a scenario's attempt timeout
        try (AwsSession warm = direct()) {
            assertThatThrownBy(warm::info).isInstanceOf(ProviderException.class);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    private static AwsSession direct() {
        return new AwsSession(AwsTestTargets.connection(MOTO.endpoint()), AwsTestTargets.orders(), RETRYING);
    }

    private static AwsSession throughProxy() {
        return new AwsSession(AwsTestTargets.connection(proxy.endpoint()), AwsTestTargets.orders(), RETRYING);
    }

    static Stream<Arguments> finishing() {
        return Stream.of(
                Arguments.of("throttled DescribeStacks", FaultProxy.first("DescribeStacks", THROTTLE, 3)),
                Arguments.of("throttled CreateChangeSet", FaultProxy.first("CreateChangeSet", THROTTLE, 2)),
                Arguments.of(
                        "503 burst on DescribeChangeSet", FaultProxy.first("DescribeChangeSet", UNAVAILABLE_503, 3)),
                Arguments.of("500 on ExecuteChangeSet", FaultProxy.first("ExecuteChangeSet", INTERNAL_500, 1)),
                Arguments.of("502 on GetCallerIdentity", FaultProxy.first("GetCallerIdentity", BAD_GATEWAY_502, 2)),
                Arguments.of(
                        "S3 SlowDown on uploads",
                        FaultProxy.first("PUT /strato-orders-dev-123456789012-us-east-1-an/artifacts", THROTTLE, 3)),
                Arguments.of("dropped before HEAD", FaultProxy.first("HEAD /", DROP_BEFORE, 2)),
                Arguments.of("reset on DescribeStackEvents", FaultProxy.first("DescribeStackEvents", RESET, 2)),
                Arguments.of("slow DescribeStacks", FaultProxy.always("DescribeStacks", SLOW)),
                Arguments.of("stalled CreateChangeSet", FaultProxy.first("CreateChangeSet", STALL, 1)),
                Arguments.of(
                        "answer cut in its headers on DescribeChangeSet",
                        FaultProxy.first("DescribeChangeSet", TRUNCATE_HEAD, 2)),
                Arguments.of("first request of everything throttled", (FaultProxy.Rule)
                        (op, nth) -> nth == 1 ? THROTTLE : FaultProxy.Fault.NONE));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("finishing")
    void deployRetriesAndFinishes(String name, FaultProxy.Rule rule) {
        proxy.rule(rule);
        DeployResult result;
        try (AwsSession session = throughProxy()) {
            result = session.deploy(true, ProgressListener.NONE);
        }
        assertThat(proxy.injected()).as("faults injected").isPositive();
        assertThat(result.executed()).isTrue();
        assertThat(result.uploadedArtifacts() + result.skippedArtifacts()).isEqualTo(5);
        try (AwsSession session = direct()) {
            assertThat(session.info().status()).isEqualTo("CREATE_COMPLETE");
        }
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                Arguments.of(
                        "503 on every ExecuteChangeSet",
                        FaultProxy.always("ExecuteChangeSet", UNAVAILABLE_503),
                        "could not execute change set strato-"),
                Arguments.of(
                        "S3 SlowDown on every upload",
                        FaultProxy.always("PUT /strato-orders-dev-123456789012-us-east-1-an/artifacts", THROTTLE),
                        "could not upload "),
                Arguments.of(
                        "DescribeChangeSet answer cut in its body",
                        FaultProxy.first("DescribeChangeSet", TRUNCATE_BODY, 1),
                        "could not read change set strato-"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("failing")
    void persistentFaultsFailClearlyAndARerunRepairs(String name, FaultProxy.Rule rule, String message) {
        proxy.rule(rule);
        try (AwsSession session = throughProxy()) {
            assertThatThrownBy(() -> session.deploy(true, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith(message)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        proxy.rule((op, nth) -> FaultProxy.Fault.NONE);
        try (AwsSession session = throughProxy()) {
            assertThat(session.deploy(true, ProgressListener.NONE).executed()).isTrue();
        }
        try (AwsSession session = direct()) {
            assertThat(session.info().status()).isEqualTo("CREATE_COMPLETE");
        }
    }
}
