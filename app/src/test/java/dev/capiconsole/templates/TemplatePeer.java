package dev.capiconsole.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabProgress;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * clusterctl's own template code (drone/envsubst and clusterctl's yamlprocessor, built by the lab build as
 * {@code template-peer}), asked many questions in one process run.
 */
final class TemplatePeer {

    /** One answer: exactly one of result, error, panic or variables is set. */
    record Answer(String result, String error, String panic, Map<String, String> variables) {
    }

    record Request(String op, String template, Map<String, String> env) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplatePeer() {
    }

    static List<Answer> ask(List<Request> requests) {
        String peer = LabBinaries.ensure(LabProgress.NONE, "template-peer").binary("template-peer").toString();
        try {
            Process process = new ProcessBuilder(peer).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread writer = new Thread(() -> write(process, requests), "template-peer-writer");
            writer.start();
            List<Answer> answers = new ArrayList<>(requests.size());
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    answers.add(answer(JSON.readTree(line)));
                }
            }
            writer.join();
            if (process.waitFor() != 0 || answers.size() != requests.size()) {
                throw new IllegalStateException("template-peer failed: " + answers.size() + " answers to "
                        + requests.size() + " requests, exit " + process.exitValue());
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Process process, List<Request> requests) {
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
            for (Request request : requests) {
                ObjectNode node = JSON.createObjectNode();
                node.put("op", request.op());
                node.put("template", request.template());
                ObjectNode env = node.putObject("env");
                request.env().forEach(env::put);
                out.write(JSON.writeValueAsString(node));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer answer(JsonNode node) {
        Map<String, String> variables = null;
        if (node.isEmpty()) {
            variables = Map.of(); // the peer's JSON leaves out an empty variable map
        } else if (node.has("variables")) {
            variables = new java.util.TreeMap<>();
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) node.get("variables")::fields) {
                variables.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
            }
        }
        return new Answer(text(node, "result"), text(node, "error"), text(node, "panic"), variables);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }
}
