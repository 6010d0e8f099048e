package dev.capiconsole.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An image archive as {@code docker save} writes it and {@code kind load image-archive} reads it: a plain tar whose
 * {@code manifest.json} names the images it holds. Checked before kind is run, so a wrong file is explained in a
 * sentence rather than by kind's error from inside a node.
 *
 * @param images the tags of its {@code manifest.json} (empty for an OCI layout without tags)
 */
public record ImageArchive(Path path, long bytes, List<String> images) {

    private static final int BLOCK = 512;

    /** Reads the archive's headers; refuses a missing file, a compressed file and anything that is no tar. */
    public static ImageArchive check(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new BootstrapException("the image archive " + path + " does not exist (or is not a file); save "
                    + "images into one with `docker save -o FILE IMAGE...`");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length >= 2 && (header[0] & 0xff) == 0x1f && (header[1] & 0xff) == 0x8b) {
                throw new BootstrapException(path + " is gzip-compressed; kind load image-archive needs a plain tar: "
                        + "`gunzip -k " + path.getFileName() + "` first");
            }
            if (header.length < BLOCK || !new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
                throw new BootstrapException(path + " is not a tar archive; save images with `docker save -o FILE "
                        + "IMAGE...` (or `crane pull --format=tarball`)");
            }
            return new ImageArchive(path, Files.size(path), manifestTags(header, in));
        } catch (IOException e) {
            throw new BootstrapException("cannot read the image archive " + path + ": " + e.getMessage());
        }
    }

    private static List<String> manifestTags(byte[] first, InputStream in) throws IOException {
        byte[] header = first;
        while (header.length == BLOCK && header[0] != 0) {
            String name = text(header, 0, 100);
            long size = Long.parseLong(text(header, 124, 12).isBlank() ? "0" : text(header, 124, 12).trim(), 8);
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (name.equals("manifest.json") || name.equals("./manifest.json")) {
                byte[] body = in.readNBytes((int) size);
                return tags(new String(body, StandardCharsets.UTF_8));
            }
            in.skipNBytes(padded);
            header = in.readNBytes(BLOCK);
        }
        return List.of();
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static List<String> tags(String json) {
        List<String> tags = new ArrayList<>();
        try {
            Object manifest = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
            if (manifest instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> map && map.get("RepoTags") instanceof List<?> repoTags) {
                        repoTags.forEach(t -> tags.add(String.valueOf(t)));
                    }
                }
            }
        } catch (YAMLException e) {
            return List.of();
        }
        return tags;
    }
}
