package dev.capiconsole.templates;

import java.util.Map;

/** What the management cluster already has, for deciding whether a template must bring its ClusterClass. */
public interface ClusterClassLookup {

    /** Whether a management cluster with Cluster API installed answers these questions at all. */
    boolean available();

    boolean clusterClassExists(String namespace, String name);

    boolean objectExists(Map<String, Object> object);

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
