package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import dev.strato.generator.ServiceDescription;
import dev.strato.generator.packaging.Artifact;
import dev.strato.generator.packaging.Packages;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Puts a stack together in a fixed order: parameters, data resources, HTTP API, functions, outputs. */
final class StackBuilder {

    /**
     * The stack in memory and what writing it takes.
     *
     * @param body the template as it is written
     * @param outputNamesOmitted whether the stack has too many outputs for CloudFormation's limit, so names are left out
     */
    record Stack(
            Service service,
            AwsFormat format,
            Packages packages,
            Template template,
            AwsNames names,
            HttpApiPlan api,
            boolean outputNamesOmitted,
            byte[] body) {}

    private final Service service;
    private final AwsFormat format;
    private final Packages packages;
    private final AwsNames names;
    private final ResourceRefs refs;
    private final TemplateStyle style;
    private final Template template;

    StackBuilder(Service service, AwsFormat format, Packages packages) {
        this.service = service;
        this.format = format;
        this.packages = packages;
        this.names = new AwsNames(service);
        this.refs = new ResourceRefs(service, names);
        this.style = format == AwsFormat.SAM ? new SamStyle(refs, names) : new CloudFormationStyle(refs, names);
        this.template = new Template(ServiceDescription.of(service), style.transform());
    }

    Stack build() throws GenerationException {
        parameters();
        DataResources data = new DataResources(service, names, refs);
        data.addTo(template);
        HttpApiPlan api = new HttpApiPlan(service);
        if (!api.isEmpty()) style.httpApi(template, api);
        List<Function> scheduled = service.functions().values().stream()
                .filter(f -> f.events().stream().anyMatch(Event.Schedule.class::isInstance))
                .toList();
        if (!scheduled.isEmpty()) schedulerRole(scheduled);
        FunctionResources functions = new FunctionResources(service, names, refs);
        List<Output> outputs = new ArrayList<>();
        if (!api.isEmpty()) outputs.add(new Output("HttpApiUrl", "base URL of the HTTP API", style.apiUrl(), true));
        for (Function f : service.functions().values()) {
            FunctionParts parts = functions.addTo(template, f, codeKeyParameter(f), api.routesOf(f));
            style.function(template, parts);
            outputs.add(
                    new Output(parts.id() + "Arn", "ARN of function " + f.name(), Cfn.getAtt(parts.id(), "Arn"), true));
            outputs.add(new Output(parts.id() + "Name", "name of function " + f.name(), Cfn.ref(parts.id()), false));
        }
        outputs.addAll(data.outputs());
        boolean all = outputs.size() <= StackLimits.OUTPUTS;
        for (Output o : outputs) {
            if (all || o.essential()) template.output(o.id(), o.description(), o.value());
        }
        byte[] body = TemplateYaml.write(template.tree()).getBytes(StandardCharsets.UTF_8);
        return new Stack(service, format, packages, template, names, api, !all, body);
    }

    private void parameters() {
        template.parameter(
                LogicalIds.ARTIFACT_BUCKET,
                Cfn.map(
                        "Type", "String",
                        "Description", "S3 bucket that holds the function packages (deploy sets it)"));
        if (packages.individually()) {
            for (Function f : service.functions().values()) {
                Artifact a = packages.of(f.name());
                template.parameter(
                        LogicalIds.artifactKey(f.name()),
                        Cfn.map(
                                "Type", "String",
                                "Default", AwsGenerator.ARTIFACTS + a.fileName(),
                                "Description", "S3 key of the package of function " + f.name()));
            }
        } else {
            Artifact a = packages.distinct().get(0);
            template.parameter(
                    LogicalIds.SHARED_ARTIFACT_KEY,
                    Cfn.map(
                            "Type", "String",
                            "Default", AwsGenerator.ARTIFACTS + a.fileName(),
                            "Description", "S3 key of the package every function shares"));
        }
    }

    private String codeKeyParameter(Function f) {
        return packages.individually() ? LogicalIds.artifactKey(f.name()) : LogicalIds.SHARED_ARTIFACT_KEY;
    }

    /** EventBridge Scheduler assumes this role to invoke the scheduled functions, and only those. */
    private void schedulerRole(List<Function> scheduled) {
        List<Object> arns = scheduled.stream()
                .map(f -> (Object) Cfn.getAtt(LogicalIds.function(f.name()), "Arn"))
                .toList();
        template.resource(
                LogicalIds.SCHEDULER_ROLE,
                "AWS::IAM::Role",
                Cfn.map(
                        "AssumeRolePolicyDocument",
                                Cfn.policyDocument(List.of(Cfn.map(
                                        "Effect",
                                        "Allow",
                                        "Principal",
                                        Cfn.map("Service", "scheduler.amazonaws.com"),
                                        "Action",
                                        "sts:AssumeRole",
                                        "Condition",
                                        Cfn.map(
                                                "StringEquals",
                                                Cfn.map("aws:SourceAccount", Cfn.ref("AWS::AccountId")))))),
                        "Policies",
                                List.of(Cfn.map(
                                        "PolicyName",
                                        "invoke-scheduled-functions",
                                        "PolicyDocument",
                                        Cfn.policyDocument(List.of(Cfn.map(
                                                "Sid", "InvokeScheduledFunctions",
                                                "Effect", "Allow",
                                                "Action", "lambda:InvokeFunction",
                                                "Resource", arns.size() == 1 ? arns.get(0) : arns)))))));
    }
}
