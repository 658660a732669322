package dev.strato.generator.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allow statements of one IAM role, one statement per resource with its actions sorted and
 * merged, so that the same need from a permission and from a trigger appears once. A wildcard
 * resource is refused except for the actions of {@link #UNSCOPED_ACTIONS}.
 */
final class Policy {

    /** Actions AWS offers on no narrower resource than {@code *}. */
    static final Set<String> UNSCOPED_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private record Key(Object resource) {}

    private final Map<Key, String> sids = new LinkedHashMap<>();
    private final Map<Key, Set<String>> actions = new LinkedHashMap<>();

    /** @param resource an ARN string or an intrinsic function that yields one */
    Policy allow(String sid, Object resource, List<String> actionList) {
        for (String a : actionList) {
            if (a.contains("*")) throw new IllegalArgumentException("wildcard action " + a);
        }
        if ("*".equals(resource) && !UNSCOPED_ACTIONS.containsAll(actionList)) {
            throw new IllegalArgumentException(
                    "resource * for " + actionList + ": only " + new TreeSet<>(UNSCOPED_ACTIONS) + " may have it");
        }
        Key key = new Key(resource);
        if (!sids.containsKey(key)) {
            String unique = sid;
            for (int n = 2; sids.containsValue(unique); n++) unique = sid + n;
            sids.put(key, unique);
        }
        actions.computeIfAbsent(key, k -> new TreeSet<>()).addAll(actionList);
        return this;
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    List<Object> statements() {
        List<Object> list = new ArrayList<>();
        actions.forEach((key, set) -> list.add(Cfn.map(
                "Sid",
                sids.get(key),
                "Effect",
                "Allow",
                "Action",
                set.size() == 1 ? set.iterator().next() : List.copyOf(set),
                "Resource",
                key.resource())));
        return list;
    }
}
