package dev.capiconsole.images;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Images grouped by what needs them, in the order a quickstart installs them. */
public record ImageList(List<Group> groups) {

    /** One part of the quickstart and its images. */
    public record Group(String source, List<String> images) {
        public Group {
            images = List.copyOf(images);
        }
    }

    public ImageList {
        groups = List.copyOf(groups);
    }

    /** Every image once, in group order. */
    public List<String> images() {
        Set<String> unique = new LinkedHashSet<>();
        groups.forEach(g -> unique.addAll(g.images()));
        return new ArrayList<>(unique);
    }

    /** One image a line, each once: what {@code xargs} or a registry tool reads. */
    public String text() {
        StringBuilder text = new StringBuilder();
        images().forEach(image -> text.append(image).append('\n'));
        return text.toString();
    }
}
