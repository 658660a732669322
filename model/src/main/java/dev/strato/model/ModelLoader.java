package dev.strato.model;

import dev.strato.model.bind.ModelBinder;
import dev.strato.model.diag.Diagnostics;
import dev.strato.model.diag.Position;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import dev.strato.model.validate.Validator;
import dev.strato.model.vars.Resolved;
import dev.strato.model.vars.VariableContext;
import dev.strato.model.vars.VariableResolver;
import dev.strato.model.yaml.YNode;
import dev.strato.model.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads strato.yml: YAML with positions, then variables, binding with defaults, validation. */
public final class ModelLoader {

    private ModelLoader() {}

    /** @param label how diagnostics name the file (usually the path as the user gave it) */
    public static LoadResult load(Path file, String label, LoadOptions options) {
        if (options.stage() != null && !options.stage().matches(dev.strato.model.bind.ModelSchema.STAGE_NAME)) {
            throw new IllegalArgumentException("invalid stage '" + options.stage() + "'");
        }
        Diagnostics diagnostics = new Diagnostics();
        SourceMap sources = new SourceMap(new Position(label, 1, 1));
        Optional<YNode> root = YamlLoader.loadFile(file, label, diagnostics);
        if (root.isEmpty()) return new LoadResult(Optional.empty(), diagnostics, sources, options.providers());
        Path projectDir = file.toAbsolutePath().normalize().getParent();
        VariableContext vars =
                new VariableContext(options.stage(), options.params(), options.environment(), projectDir);
        Resolved resolved = VariableResolver.resolve(root.get(), label, vars, diagnostics);
        Optional<Service> service = ModelBinder.bind(resolved, diagnostics, sources);
        List<Provider> providers = options.providers();
        if (service.isPresent()) {
            if (providers.isEmpty()) providers = service.get().providers().targeted();
            Validator.validate(service.get(), sources, diagnostics, providers, options.today(), projectDir);
        }
        return new LoadResult(service, diagnostics, sources, providers);
    }
}
