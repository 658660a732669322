package dev.strato.cli;

import dev.strato.provider.StackInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The info summary as text (also printed after a deploy): status, endpoints, functions, resources, outputs. */
final class StackInfoPrinter {

    private StackInfoPrinter() {}

    static void print(Console c, StackInfo info) {
        PrintWriter out = c.out();
        out.println(c.bold("Stack " + info.stack()) + " (" + info.region() + "): " + info.status());
        if (!info.endpoints().isEmpty()) {
            out.println("Endpoints:");
            info.endpoints().forEach(e -> out.println("  " + e));
        }
        out.println("Functions:");
        List<String[]> functions = new ArrayList<>();
        for (StackInfo.FunctionInfo f : info.functions()) {
            functions.add(new String[] {
                "  " + f.name(),
                f.physicalName(),
                f.runtime(),
                f.memory() == null ? null : f.memory() + " MB",
                f.lastModified() == null ? null : f.lastModified().toString()
            });
        }
        Columns.print(out, functions);
        out.println("Resources (" + info.resources().size() + "):");
        List<String[]> resources = new ArrayList<>();
        for (StackInfo.Resource r : info.resources())
            resources.add(new String[] {"  " + r.logicalId(), r.type(), r.physicalId(), r.status()});
        Columns.print(out, resources);
        if (!info.outputs().isEmpty()) {
            out.println("Outputs:");
            info.outputs().forEach((k, v) -> out.println("  " + k + ": " + v));
        }
        out.flush();
    }
}
