package dev.capiconsole.clusterclass;

import dev.capiconsole.templates.TemplateObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The test ClusterClass of {@code clusterclass/capi-console-test.yaml} and its templates, read for the tests. */
public final class TestClass {

    public static final String NAME = "capi-console-test";
    static final String RESOURCE = "/clusterclass/capi-console-test.yaml";

    private TestClass() {
    }

    /** The class and its templates, in {@code namespace}. */
    public static List<Map<String, Object>> objects(String namespace) {
        try (InputStream in = TestClass.class.getResourceAsStream(RESOURCE)) {
            List<Map<String, Object>> objects = TemplateObjects.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), RESOURCE);
            objects.forEach(o -> metadata(o).put("namespace", namespace));
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> clusterClass(String namespace) {
        return objects(namespace).stream().filter(o -> "ClusterClass".equals(o.get("kind"))).findFirst().orElseThrow();
    }

    static ClusterClassModel model(String namespace) {
        return ClassReader.read(clusterClass(namespace), List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }
}
