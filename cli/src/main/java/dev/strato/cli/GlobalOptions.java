package dev.strato.cli;

import dev.strato.model.providers.Provider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options every model command shares (the ones every command has are {@link StratoCommand}'s, inherited). */
public final class GlobalOptions {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "The service file (default: strato.yml in this folder or the nearest parent).")
    Path config;

    @Option(
            names = "--stage",
            paramLabel = "STAGE",
            converter = StageConverter.class,
            description = "Stage to resolve (default: the file's stage, else dev).")
    String stage;

    static final class StageConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches(dev.strato.model.bind.ModelSchema.STAGE_NAME)) {
                throw new TypeConversionException(
                        "'" + value
                                + "' is not a valid stage: 1-16 lowercase letters, digits or -, starting with a letter or digit");
            }
            return value;
        }
    }

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUE",
            description = "A value for $${opt:NAME} in strato.yml; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--provider",
            paramLabel = "PROVIDER",
            converter = ProviderConverter.class,
            description = "aws, azure, gcp or all (default: the providers with a block in the file).")
    ProviderSelection providers;

    /** The providers named by {@code --provider}. */
    record ProviderSelection(List<Provider> providers) {}

    List<Provider> providers() {
        return providers == null ? List.of() : providers.providers();
    }

    /** {@code all} stands for every provider. */
    static final class ProviderConverter implements ITypeConverter<ProviderSelection> {
        @Override
        public ProviderSelection convert(String value) {
            if (value.equals("all")) return new ProviderSelection(List.of(Provider.values()));
            return Provider.byId(value)
                    .map(p -> new ProviderSelection(List.of(p)))
                    .orElseThrow(() -> new TypeConversionException("unknown provider '" + value + "'"
                            + dev.strato.model.support.Suggestions.didYouMean(value, Provider.ids())
                            + " (known: aws, azure, gcp, all)"));
        }
    }
}
