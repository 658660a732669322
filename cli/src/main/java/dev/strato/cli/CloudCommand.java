package dev.strato.cli;

import dev.strato.model.LoadResult;
import dev.strato.model.providers.Provider;
import dev.strato.provider.CloudProvider;
import dev.strato.provider.CloudProviders;
import dev.strato.provider.Connection;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ProviderSession;
import dev.strato.provider.ServiceTarget;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * A command that talks to a cloud about the service: loads and checks strato.yml, picks the
 * provider, opens one session for the command and reports a provider's failure as one line.
 */
abstract class CloudCommand extends ModelCommand {

    @Mixin
    CloudOptions cloud;

    @Mixin
    OutputOption output;

    CloudCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) throws Exception {
        if (!session.reportValid(result, "")) return ExitCodes.INVALID_MODEL;
        Console c = session.console();
        Map<Provider, CloudProvider> installed = CloudProviders.installed();
        List<Provider> wanted = global.providers().isEmpty() ? result.providers() : global.providers();
        List<Provider> usable = wanted.stream().filter(installed::containsKey).toList();
        if (usable.size() != 1) {
            String names = String.join(", ", wanted.stream().map(Provider::id).toList());
            if (usable.isEmpty()) {
                throw CommandException.failure("no cloud provider installed for "
                        + (names.isEmpty() ? "this service" : names) + " (installed: "
                        + String.join(
                                ", ",
                                installed.keySet().stream().map(Provider::id).toList()) + ")");
            }
            throw CommandException.usage("choose one provider with --provider (this service has " + names + ")");
        }
        ServiceTarget target = new ServiceTarget(
                result.service().orElseThrow(),
                session.file().path().toAbsolutePath().getParent());
        Connection connection = new Connection(
                cloud.region(),
                cloud.profile,
                cloud.endpoint,
                cloud.environment(environment.variables()),
                cloud.project);
        CloudProvider provider = installed.get(usable.get(0));
        try (LazySession opened = new LazySession(() -> provider.open(connection, target))) {
            return run(new CloudContext(opened, target, c, output.json(), environment));
        } catch (ProviderException e) {
            throw CommandException.failure(e.getMessage(), e, e.details());
        }
    }

    /** Calls the provider and prints; returns the exit code. */
    abstract int run(CloudContext context) throws Exception;

    /** The provider's session, opened when a command first needs it (bad input is refused before that). */
    static final class LazySession implements AutoCloseable {

        private final java.util.function.Supplier<ProviderSession> opener;
        private ProviderSession session;

        LazySession(java.util.function.Supplier<ProviderSession> opener) {
            this.opener = opener;
        }

        ProviderSession get() {
            if (session == null) session = opener.get();
            return session;
        }

        @Override
        public void close() {
            if (session != null) session.close();
        }
    }

    /** What a cloud command works with. */
    record CloudContext(
            LazySession session, ServiceTarget target, Console console, boolean json, Environment environment) {

        ProviderSession provider() {
            return session.get();
        }

        /** Refuses the command's input: throws a usage error that says {@code problem}. */
        int refuse(String problem) {
            throw CommandException.usage(problem);
        }

        ProgressPrinter progress() {
            return new ProgressPrinter(console, Console.isTerminal(environment));
        }
    }
}
