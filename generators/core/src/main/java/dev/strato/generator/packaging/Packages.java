package dev.strato.generator.packaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The packages of a service: one per function, or one that every function shares. */
public final class Packages {

    private final boolean individually;
    private final Map<String, Artifact> byFunction;

    Packages(boolean individually, Map<String, Artifact> byFunction) {
        this.individually = individually;
        this.byFunction = Collections.unmodifiableMap(new LinkedHashMap<>(byFunction));
    }

    public boolean individually() {
        return individually;
    }

    public Artifact of(String function) {
        Artifact a = byFunction.get(function);
        if (a == null) throw new IllegalArgumentException("no package for function " + function);
        return a;
    }

    /** Each package once, in function order. */
    public List<Artifact> distinct() {
        List<Artifact> list = new ArrayList<>();
        for (Artifact a : byFunction.values()) {
            if (list.stream().noneMatch(x -> x.fileName().equals(a.fileName()))) list.add(a);
        }
        return list;
    }
}
