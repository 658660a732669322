package dev.strato.provider.azure;

/** Type and name of an ARM resource id ({@code /subscriptions/S/resourceGroups/G/providers/NS/type/name[/type/name]...}). */
record ResourceIds(String type, String name, boolean topLevel) {

    static ResourceIds parse(String id) {
        int p = id.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/providers/");
        if (p < 0) return new ResourceIds("", id, false);
        String[] parts = id.substring(p + "/providers/".length()).split("/");
        StringBuilder type = new StringBuilder(parts[0]);
        StringBuilder name = new StringBuilder();
        for (int i = 1; i + 1 < parts.length; i += 2) {
            type.append('/').append(parts[i]);
            if (name.length() > 0) name.append('/');
            name.append(parts[i + 1]);
        }
        boolean scoped = id.toLowerCase(java.util.Locale.ROOT).indexOf("/providers/") != p;
        return new ResourceIds(type.toString(), name.toString(), parts.length == 3 && !scoped);
    }
}
