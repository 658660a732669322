package dev.strato.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.model.service.Runtime;
import org.junit.jupiter.api.Test;

class LocalRuntimeTest {

    @Test
    void warnsOnlyWhenTheLocalProgramIsOlderThanTheRuntime() {
        assertThat(LocalRuntime.NODE.olderThan("node v20.20.2", Runtime.NODEJS22))
                .isEqualTo("node v20.20.2 on PATH is older than the function's runtime nodejs22");
        assertThat(LocalRuntime.NODE.olderThan("node v22.1.0", Runtime.NODEJS22))
                .isNull();
        assertThat(LocalRuntime.NODE.olderThan("node v24.0.0", Runtime.NODEJS22))
                .isNull();
        assertThat(LocalRuntime.PYTHON.olderThan("python 3.11.7", Runtime.PYTHON312))
                .isNotNull();
        assertThat(LocalRuntime.PYTHON.olderThan("python 3.13.1", Runtime.PYTHON312))
                .isNull();
    }

    @Test
    void aMissingProgramSaysWhatToInstall() {
        assertThatThrownBy(() -> LocalRuntime.PYTHON.find("/nonexistent", Runtime.PYTHON313))
                .isInstanceOfSatisfying(
                        LocalInvokeException.class, e -> assertThat(e.usage()).isFalse())
                .hasMessage(
                        "python3 is not on PATH: install Python (python3.13 or later) to run this function locally");
    }
}
