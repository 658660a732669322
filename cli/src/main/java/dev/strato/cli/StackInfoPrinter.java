package dev.strato.cli;

import dev.strato.provider.StackInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The info summary (also printed after a deploy): status, endpoints, functions, resources, outputs. */
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
            functions.add(new String[] {"  " + f.name(), f.physicalName(), f.runtime(), f.memory() == null ? null : f.memory() + " MB",
                f.lastModified() == null ? null : f.lastModified().toString()});
        }
        Columns.print(out, functions);
        out.println("Resources (" + info.resources().size() + "):");
        List<String[]> resources = new ArrayList<>();
        for (StackInfo.Resource r : info.resources()) resources.add(new String[] {"  " + r.logicalId(), r.type(), r.physicalId(), r.status()});
        Columns.print(out, resources);
        if (!info.outputs().isEmpty()) {
            out.println("Outputs:");
            info.outputs().forEach((k, v) -> out.println("  " + k + ": " + v));
        }
        out.flush();
    }

    static Map<String, Object> json(StackInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stack", info.stack());
        m.put("status", info.status());
        m.put("region", info.region());
        m.put("endpoints", info.endpoints());
        List<Map<String, Object>> functions = new ArrayList<>();
        for (StackInfo.FunctionInfo f : info.functions()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("physicalName", f.physicalName());
            fm.put("runtime", f.runtime());
            fm.put("memory", f.memory());
            fm.put("lastModified", f.lastModified() == null ? null : f.lastModified().toString());
            functions.add(fm);
        }
        m.put("functions", functions);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (StackInfo.Resource r : info.resources()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("logicalId", r.logicalId());
            rm.put("type", r.type());
            rm.put("physicalId", r.physicalId());
            rm.put("status", r.status());
            resources.add(rm);
        }
        m.put("resources", resources);
        m.put("outputs", new java.util.TreeMap<>(info.outputs()));
        return m;
    }
}
