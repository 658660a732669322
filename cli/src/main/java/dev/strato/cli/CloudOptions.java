package dev.strato.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the cloud commands connect: region, profile and an emulator's endpoint. */
public final class CloudOptions {

    @Option(names = "--region", paramLabel = "REGION", description = "Cloud region (default: providers.<cloud>.region, then AWS_REGION).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Credentials profile (default: the environment's credentials, then AWS_PROFILE).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every call to this endpoint (an emulator such as moto).")
    URI endpoint;

    @Option(names = "--project", paramLabel = "ID", description = "Google Cloud project (default: providers.gcp.project, then GOOGLE_CLOUD_PROJECT).")
    String project;
}
