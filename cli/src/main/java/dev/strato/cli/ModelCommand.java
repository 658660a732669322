package dev.strato.cli;

import dev.strato.model.LoadResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on strato.yml: the shared options, and a session that loads and reports it. */
abstract class ModelCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    final Environment environment;

    ModelCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public final Integer call() throws Exception {
        ModelSession session = new ModelSession(
                global,
                StratoCommand.of(spec),
                environment,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return run(session, session.load());
    }

    /** Works on the loaded model (valid or not); returns the exit code. */
    abstract int run(ModelSession session, LoadResult result) throws Exception;
}
