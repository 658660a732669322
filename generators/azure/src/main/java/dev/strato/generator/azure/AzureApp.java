package dev.strato.generator.azure;

import dev.strato.generator.Warnings;

/** What the parts of one deployment share while they add to it. */
record AzureApp(
        AzureNames names,
        ArmTemplate template,
        AzureResources common,
        DataResources data,
        RoleAssignments grants,
        AppSettings settings,
        HostJson host,
        HostingPlan plan,
        Warnings out) {

    static final String SITES = "Microsoft.Web/sites";

    /** {@code resourceId()} of the function app, known before the site resource is written. */
    String siteId() {
        return Arm.call("resourceId", Arm.quote(SITES), names.functionApp().inner());
    }
}
