package dev.strato.generator.azure;

import dev.strato.generator.testing.GeneratorShape;
import org.junit.jupiter.api.Test;

class GeneratorShapeTest {

    @Test
    void hasTheRolesEveryGeneratorHas() {
        GeneratorShape.assertShape(AzureGenerator.class);
    }
}
