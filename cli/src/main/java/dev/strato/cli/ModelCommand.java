package dev.strato.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on strato.yml: the shared options, and a session that loads and reports it. */
abstract class ModelCommand {

    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    final Environment environment;

    ModelCommand(Environment environment) {
        this.environment = environment;
    }

    ModelSession session() {
        return new ModelSession(global, environment, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
