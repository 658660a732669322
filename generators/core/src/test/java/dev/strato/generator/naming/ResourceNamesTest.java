package dev.strato.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void serviceStageAndKebabName() {
        ResourceNames names = new ResourceNames("orders", "dev");
        assertThat(names.of("createOrder", 64)).isEqualTo("orders-dev-create-order");
        assertThat(names.of("payment_requests", 64)).isEqualTo("orders-dev-payment-requests");
        assertThat(names.base(64)).isEqualTo("orders-dev");
    }

    @Test
    void longNamesAreCutWithAHashOfTheWholeName() {
        ResourceNames names = new ResourceNames("a-rather-long-service-name", "production");
        String a = names.of("processIncomingPaymentNotificationsFromProvider", 64);
        String b = names.of("processIncomingPaymentNotificationsFromPartner", 64);
        assertThat(a)
                .hasSizeLessThanOrEqualTo(64)
                .startsWith("a-rather-long-service-name-production-process-incoming")
                .matches(".*-[0-9a-f]{8}");
        assertThat(b).hasSizeLessThanOrEqualTo(64).isNotEqualTo(a);
        assertThat(names.of("processIncomingPaymentNotificationsFromProvider", 64))
                .isEqualTo(a);
    }

    @Test
    void aCutNeverLeavesADoubleHyphen() {
        String cut = ResourceNames.fit("abcdefghij-klmnopqrstuvwxyz", 20);
        assertThat(cut)
                .hasSizeLessThanOrEqualTo(20)
                .doesNotContain("--")
                .isEqualTo("abcdefghij-" + ResourceNames.hash("abcdefghij-klmnopqrstuvwxyz"));
        assertThat(ResourceNames.fit("short", 20)).isEqualTo("short");
        assertThatThrownBy(() -> ResourceNames.fit("x", 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
