package dev.strato.generator.aws;

import dev.strato.generator.testing.GeneratorShape;
import org.junit.jupiter.api.Test;

class GeneratorShapeTest {

    @Test
    void hasTheRolesEveryGeneratorHas() {
        GeneratorShape.assertShape(AwsGenerator.class);
    }
}
