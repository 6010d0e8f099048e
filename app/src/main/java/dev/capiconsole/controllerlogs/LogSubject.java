package dev.capiconsole.controllerlogs;

/**
 * The object whose log lines are wanted: a kind as Cluster API names it ({@code Machine}, {@code KubeadmControlPlane},
 * {@code DevMachine}...), its namespace and its name.
 */
public record LogSubject(String kind, String namespace, String name) {

    /** {@code KIND/NAME} in {@code namespace}, as the CLI takes it. */
    public static LogSubject parse(String kindSlashName, String namespace) {
        int slash = kindSlashName.indexOf('/');
        if (slash <= 0 || slash == kindSlashName.length() - 1 || kindSlashName.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("name the object as KIND/NAME, e.g. Machine/my-cluster-md-0-abcde; got '"
                    + kindSlashName + "'");
        }
        return new LogSubject(kindSlashName.substring(0, slash), namespace, kindSlashName.substring(slash + 1));
    }

    /**
     * Whether the line's own keys name this object: controller-runtime's {@code <Kind>="namespace/name"} (the same
     * key in JSON as an object), or {@code namespace} and {@code name} keys with {@code controllerKind}. Values are
     * compared whole, so {@code default/a} never matches {@code default/a-2}.
     */
    public boolean namedBy(LogLine line) {
        if ((namespace + "/" + name).equals(line.key(kind))) {
            return true;
        }
        return kind.equals(line.key("controllerKind")) && namespace.equals(line.key("namespace"))
                && name.equals(line.key("name"));
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
