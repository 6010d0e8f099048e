package dev.capiconsole.templates;

import java.util.Map;

/** What the management cluster already has, for deciding whether a template must bring its ClusterClass. */
public interface ClusterClassLookup {

    /** Whether a management cluster with Cluster API installed answers these questions at all. */
    boolean available();

    boolean clusterClassExists(String namespace, String name);

    boolean objectExists(Map<String, Object> object);

    /** Whether the object exists and was applied by this console (an earlier apply, maybe cut off half way). */
    default boolean objectAppliedByTheConsole(Map<String, Object> object) {
        return false;
    }

    ClusterClassLookup NONE = new ClusterClassLookup() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public boolean clusterClassExists(String namespace, String name) {
            return false;
        }

        @Override
        public boolean objectExists(Map<String, Object> object) {
            return false;
        }
    };
}
