package dev.strato.generator.azure;

import dev.strato.model.providers.AzurePlan;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.util.Map;

/**
 * The hosting plan of the app: its serverfarm SKU and what differs per plan. Memory is per
 * instance on Azure, not per function, so the app gets the smallest size that holds the largest
 * function: Flex Consumption instances of 512, 2048 or 4096 MB (flex-consumption-plan#instance-sizes),
 * Elastic Premium EP1/EP2/EP3 with 3.5, 7 and 14 GB (functions-premium-plan#available-instance-skus).
 */
record HostingPlan(AzurePlan plan, int maxMemoryMb) {

    static final int[] FLEX_INSTANCE_MB = {512, 2048, 4096};
    static final int[] PREMIUM_INSTANCE_MB = {3584, 7168, 14336};
    static final int FLEX_MAXIMUM_INSTANCES = 100;
    static final int PREMIUM_MAXIMUM_WORKERS = 20;

    static HostingPlan of(Service s) {
        AzurePlan plan = s.providers().azure() == null || s.providers().azure().plan() == null
                ? AzurePlan.FLEX
                : s.providers().azure().plan();
        int memory = s.functions().values().stream()
                .mapToInt(Function::memoryMb)
                .max()
                .orElse(0);
        return new HostingPlan(plan, memory);
    }

    Map<String, Object> sku() {
        return switch (plan) {
            case FLEX -> Arm.map("name", "FC1", "tier", "FlexConsumption");
            case CONSUMPTION -> Arm.map("name", "Y1", "tier", "Dynamic");
            case PREMIUM -> Arm.map("name", "EP" + (indexFitting(PREMIUM_INSTANCE_MB) + 1), "tier", "ElasticPremium");
        };
    }

    String serverfarmKind() {
        return plan == AzurePlan.PREMIUM ? "elastic" : "functionapp";
    }

    Map<String, Object> serverfarmProperties() {
        return Arm.map(
                "reserved",
                true,
                "maximumElasticWorkerCount",
                plan == AzurePlan.PREMIUM ? PREMIUM_MAXIMUM_WORKERS : null);
    }

    int flexInstanceMemoryMb() {
        return FLEX_INSTANCE_MB[indexFitting(FLEX_INSTANCE_MB)];
    }

    boolean isFlex() {
        return plan == AzurePlan.FLEX;
    }

    /** Linux Consumption and Flex Consumption ignore WEBSITE_TIME_ZONE and TZ (functions-bindings-timer, flex-consumption-plan#considerations). */
    boolean supportsTimeZones() {
        return plan == AzurePlan.PREMIUM;
    }

    /** The first size that holds the largest function; validation keeps memory within the largest. */
    private int indexFitting(int[] sizes) {
        for (int i = 0; i < sizes.length; i++) {
            if (maxMemoryMb <= sizes[i]) return i;
        }
        return sizes.length - 1;
    }
}
