package dev.strato.provider.aws;

import dev.strato.provider.ProviderException;
import dev.strato.provider.StackEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack that ended DELETE_FAILED: one line per resource CloudFormation could not delete, with
 * its reason and what to do, and the way to keep those resources and let the stack go.
 */
final class DeleteFailures {

    private DeleteFailures() {}

    /** {@code command} is the strato command to run again once the resources are dealt with. */
    static ProviderException of(String stackName, String status, List<StackEvent> failures, String command) {
        Map<String, StackEvent> byResource = new LinkedHashMap<>();
        for (StackEvent e : failures) {
            // the stack's own DELETE_FAILED only summarises the resources' failures
            if ("DELETE_FAILED".equals(e.status()) && !"AWS::CloudFormation::Stack".equals(e.type()))
                byResource.put(e.logicalId(), e);
        }
        String again = "run 'strato " + command + "' again";
        if (byResource.isEmpty()) {
            return new ProviderException(
                    "stack " + stackName + " could not be deleted (" + status + "): see its events, then " + again);
        }
        List<String> lines = new ArrayList<>();
        for (StackEvent e : byResource.values()) {
            lines.add(e.logicalId() + " (" + e.type() + "): " + e.reason() + "; " + remedy(e) + ", then " + again);
        }
        lines.add("or keep " + (byResource.size() == 1 ? "it" : "them")
                + " and delete only the stack: aws cloudformation delete-stack --stack-name " + stackName
                + " --retain-resources " + String.join(" ", byResource.keySet()) + ", then " + again);
        return new ProviderException(
                "stack " + stackName + " could not be deleted (" + status + "): " + byResource.size() + " resource"
                        + (byResource.size() == 1 ? "" : "s") + " above could not be deleted",
                lines);
    }

    private static String remedy(StackEvent e) {
        String reason = String.valueOf(e.reason());
        if ("AWS::S3::Bucket".equals(e.type()) && reason.contains("not empty")) return "empty the bucket";
        if (reason.contains("DependencyViolation") || reason.contains("in use") || reason.contains("dependent")) {
            return "remove what still uses it";
        }
        return "delete it yourself";
    }
}
