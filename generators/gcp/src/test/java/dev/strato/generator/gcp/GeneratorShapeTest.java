package dev.strato.generator.gcp;

import dev.strato.generator.testing.GeneratorShape;
import org.junit.jupiter.api.Test;

class GeneratorShapeTest {

    @Test
    void hasTheRolesEveryGeneratorHas() {
        GeneratorShape.assertShape(GcpGenerator.class);
    }
}
