package dev.capiconsole.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code images:} section of the clusterctl config file, applied as clusterctl applies it: for a component
 * (a provider's label such as {@code infrastructure-docker}, or {@code cert-manager}) and an image, the settings of
 * {@code all}, then of the component, then of {@code component/imageName} are merged (later non-empty fields win)
 * and replace the image's repository, name and tag. Only the containers and init containers of Deployments and
 * DaemonSets are changed.
 */
public final class ImageOverrides {

    public static final String CERT_MANAGER = "cert-manager";
    public static final ImageOverrides NONE = new ImageOverrides(Map.of());
    private static final String ALL = "all";

    /** One entry's fields; empty strings leave the image's own. */
    public record Override(String repository, String name, String tag) {
        static final Override EMPTY = new Override("", "", "");

        Override then(Override other) {
            return new Override(other.repository.isEmpty() ? repository : other.repository,
                    other.name.isEmpty() ? name : other.name, other.tag.isEmpty() ? tag : other.tag);
        }

        boolean isEmpty() {
            return repository.isEmpty() && name.isEmpty() && tag.isEmpty();
        }
    }

    private final Map<String, Override> entries;

    private ImageOverrides(Map<String, Override> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Reads the section's value ({@code null} when the file has none); keys are case-insensitive, as clusterctl's. */
    public static ImageOverrides from(Object section) {
        if (section == null) {
            return NONE;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new InstallException("the images: section of the clusterctl config file must be a map of "
                    + "components to repository:, name: and tag:");
        }
        Map<String, Override> entries = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(value instanceof Map<?, ?> fields)) {
                throw new InstallException("images: " + key + " must be a map with repository:, name: or tag:");
            }
            entries.put(String.valueOf(key).toLowerCase(), new Override(text(fields.get("repository")),
                    text(fields.get("name")), text(fields.get("tag"))));
        });
        return new ImageOverrides(entries);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** The entries in effect, by key ({@code all}, a component, or {@code component/image}). */
    public Map<String, Override> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The image after the overrides for {@code component}; unchanged when no entry applies. */
    public String alter(String component, String image) {
        ImageReference reference = ImageReference.parse(image);
        if (entries.isEmpty()) {
            return image;
        }
        Override merged = Override.EMPTY;
        for (String key : List.of(ALL, component, component + "/" + reference.name())) {
            Override entry = entries.get(key);
            if (entry != null) {
                merged = merged.then(entry);
            }
        }
        return new ImageReference(merged.repository.isEmpty() ? reference.repository()
                : stripSlash(merged.repository), merged.name.isEmpty() ? reference.name() : merged.name,
                merged.tag.isEmpty() ? reference.tag() : merged.tag, reference.digest()).toString();
    }

    private static String stripSlash(String repository) {
        return repository.endsWith("/") ? repository.substring(0, repository.length() - 1) : repository;
    }

    /** Changes the images of every Deployment and DaemonSet of {@code objects} in place. */
    public void apply(String component, List<Map<String, Object>> objects) {
        for (Map<String, Object> object : objects) {
            if (!isWorkload(object)) {
                continue;
            }
            forEachContainer(object, container -> container.put("image",
                    alter(component, String.valueOf(container.get("image")))));
        }
    }

    /** The images of the Deployments and DaemonSets as clusterctl lists them: per object, containers then init. */
    public static List<String> images(List<Map<String, Object>> objects) {
        List<String> images = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            if (isWorkload(object)) {
                forEachContainer(object, container -> images.add(String.valueOf(container.get("image"))));
            }
        }
        return images;
    }

    private static boolean isWorkload(Map<String, Object> object) {
        Object kind = object.get("kind");
        return "Deployment".equals(kind) || "DaemonSet".equals(kind);
    }

    private static void forEachContainer(Map<String, Object> object,
            Consumer<Map<String, Object>> action) {
        Map<String, Object> podSpec = ProviderComponents.path(object, "spec", "template", "spec");
        if (podSpec == null) {
            return;
        }
        for (String key : List.of("containers", "initContainers")) {
            if (podSpec.get(key) instanceof List<?> containers) {
                for (Object container : containers) {
                    if (container instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> writable = (Map<String, Object>) map;
                        action.accept(writable);
                    }
                }
            }
        }
    }
}
