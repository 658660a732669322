package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.providers.Limits;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.Runtime;
import dev.strato.model.support.Durations;
import dev.strato.model.support.Names;
import dev.strato.model.support.Suggestions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DataTablesTest {

    @Test
    void everyRuntimeRowHasASourceAndACheckDate() {
        assertThat(RuntimeSupport.all()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.source()).startsWith("https://");
            assertThat(LocalDate.parse(e.checked())).isBefore(LocalDate.of(2100, 1, 1));
            assertThat(e.nativeId()).isNotBlank();
        });
        for (Runtime r : Runtime.values()) {
            assertThat(RuntimeSupport.providersOf(r)).as("providers of %s", r).isNotEmpty();
        }
    }

    @Test
    void everyLimitRowHasASourceACheckDateAndABound() {
        assertThat(Limits.all()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.source()).startsWith("https://");
            assertThat(LocalDate.parse(l.checked())).isNotNull();
            assertThat(l.min() != null || l.max() != null).as("bounded: %s", l).isTrue();
            assertThat(l.unit()).isIn("MB", "s", "count", "chars", "days");
        });
    }

    @Test
    void limitsSelectByPlanAndTrigger() {
        assertThat(Limits.of(Provider.AZURE, "timeout", "consumption", null))
                .extracting(Limits.Limit::max)
                .containsExactly(600L);
        assertThat(Limits.of(Provider.GCP, "timeout", Limits.ANY, "queue"))
                .extracting(Limits.Limit::max)
                .containsExactly(540L);
        assertThat(Limits.of(Provider.GCP, "timeout", Limits.ANY, "http"))
                .extracting(Limits.Limit::max)
                .containsExactly(3600L);
        Limits.Limit awsRetention =
                Limits.of(Provider.AWS, "logRetentionDays", Limits.ANY, null).get(0);
        assertThat(awsRetention.check(14)).isNull();
        assertThat(awsRetention.check(15)).startsWith("is not one of the values aws allows: 1, 3, 5, 7, 14");
    }

    @Test
    void suggestionsAndDurations() {
        assertThat(Suggestions.didYouMean("memroy", java.util.List.of("memory", "timeout")))
                .isEqualTo(" (did you mean 'memory'?)");
        assertThat(Suggestions.didYouMean("zzz", java.util.List.of("memory"))).isEmpty();
        assertThat(Durations.parse("90s")).hasValue(java.time.Duration.ofSeconds(90));
        assertThat(Durations.parse("1.5h")).isEmpty();
        assertThat(Durations.format(java.time.Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Durations.format(java.time.Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Names.kebab("paymentRequests")).isEqualTo("payment-requests");
    }
}
