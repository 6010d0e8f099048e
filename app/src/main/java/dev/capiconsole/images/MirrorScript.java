package dev.capiconsole.images;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A POSIX shell script that copies images to a private registry with {@code crane copy} or, when crane is not
 * installed, {@code skopeo copy}, and says what to install when neither is. Images land flat,
 * {@code REGISTRY/<name>:<tag>}: the layout clusterctl's {@code images: all: repository: REGISTRY} and kubeadm's
 * {@code imageRepository: REGISTRY} both expect.
 */
public final class MirrorScript {

    private MirrorScript() {
    }

    /** The target of {@code image} below {@code $REGISTRY}: its last path element with its tag (or digest). */
    static String target(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String digest = image.contains("@") ? image.substring(image.indexOf('@') + 1) : "";
        String last = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
        if (last.contains(":")) {
            return last;
        }
        return digest.isEmpty() ? last + ":latest" : last + ":" + digest.replace(':', '-');
    }

    public static String render(ImageList list, String title) {
        List<String> images = list.images();
        StringBuilder script = new StringBuilder();
        script.append("#!/bin/sh\n")
                .append("# Mirrors the ").append(images.size()).append(" images of ").append(title)
                .append(" to a private registry.\n")
                .append("# They land flat, REGISTRY/<name>:<tag>; then point clusterctl at them in clusterctl.yaml:\n")
                .append("#   images:\n#     all:\n#       repository: REGISTRY\n")
                .append("# and give the workload cluster's kubeadm the same imageRepository.\n")
                .append("# Usage: sh ").append("mirror-images.sh REGISTRY   (e.g. registry.example.com/capi)\n")
                .append("set -eu\n")
                .append("if [ $# -ne 1 ]; then echo \"usage: $0 REGISTRY (e.g. registry.example.com/capi)\" >&2; "
                        + "exit 2; fi\n")
                .append("REGISTRY=${1%/}\n")
                .append("if command -v crane >/dev/null 2>&1; then\n")
                .append("  copy() { echo \"crane copy $1 $2\"; crane copy \"$1\" \"$2\"; }\n")
                .append("elif command -v skopeo >/dev/null 2>&1; then\n")
                .append("  copy() { echo \"skopeo copy --all docker://$1 docker://$2\"; "
                        + "skopeo copy --all \"docker://$1\" \"docker://$2\"; }\n")
                .append("else\n")
                .append("  echo \"Neither crane nor skopeo is installed. Install one of them, then run this script "
                        + "again:\" >&2\n")
                .append("  echo \"  crane:  go install github.com/google/go-containerregistry/cmd/crane@latest\" >&2\n")
                .append("  echo \"  skopeo: your system's package (apt-get install skopeo, dnf install skopeo, "
                        + "brew install skopeo)\" >&2\n")
                .append("  exit 1\n")
                .append("fi\n");
        Map<String, String> sources = new HashMap<>();
        int copies = 0;
        for (ImageList.Group group : list.groups()) {
            script.append("# ").append(group.source()).append('\n');
            for (String image : group.images()) {
                String target = target(image);
                String earlier = sources.putIfAbsent(target, image);
                if (earlier == null) {
                    script.append("copy '").append(image).append("' \"$REGISTRY/").append(target).append("\"\n");
                    copies++;
                } else if (!earlier.equals(image)) {
                    script.append("# not copied: ").append(image).append(" would overwrite ").append(earlier)
                            .append(" at $REGISTRY/").append(target).append('\n');
                }
            }
        }
        script.append("echo \"Mirrored ").append(copies).append(" images to $REGISTRY\"\n");
        return script.toString();
    }
}
