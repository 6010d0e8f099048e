package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.templates.TemplatePeer.Answer;
import dev.capiconsole.templates.TemplatePeer.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential test against clusterctl's own template code: many random templates (seeded, so a failure can be
 * replayed) go through our parser and evaluator and through the {@code template-peer} built from clusterctl
 * v1.14's module; results, error kinds, discovered variables and missing-variable errors must agree.
 */
class SubstitutionParityIT {

    private static final int CASES = 60_000;
    private static final long SEED = Long.getLong("templates.seed", 20261126L);

    @Test
    void randomTemplatesEvaluateLikeClusterctl() {
        RandomTemplates generator = new RandomTemplates(SEED);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String template = generator.template();
            Map<String, String> values = generator.values();
            String op = switch (i % 3) {
                case 0 -> "eval";
                case 1 -> "process";
                default -> "variables";
            };
            requests.add(new Request(op, template, values));
        }
        List<Answer> answers = TemplatePeer.ask(requests);

        List<String> differences = new ArrayList<>();
        int errors = 0;
        int panics = 0;
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            Answer expected = answers.get(i);
            Answer actual = ours(request);
            if (expected.error() != null) {
                errors++;
            }
            if (expected.panic() != null) {
                panics++;
                expected = new Answer(null, null, "crash", null); // we refuse with an error where clusterctl crashes
            }
            if (!actual.equals(expected)) {
                differences.add(request + "\n  clusterctl: " + expected + "\n  ours:       " + actual);
            }
        }
        System.out.printf("template parity: %d cases (seed %d), %d errors, %d clusterctl crashes, %d differences%n",
                CASES, SEED, errors, panics, differences.size());
        assertThat(differences).as("differences from clusterctl (first 20)").hasSizeLessThan(1)
                .withFailMessage(() -> String.join("\n", differences.subList(0, Math.min(20, differences.size()))));
        assertThat(errors).as("the generator must reach the error paths").isGreaterThan(CASES / 20);
    }

    private static Answer ours(Request request) {
        try {
            switch (request.op()) {
                case "eval":
                    return new Answer(Substitutions.evaluate(request.template(), request.env()::get), null, null,
                            null);
                case "process":
                    return new Answer(TemplateVariables.process(request.template(), request.env()::get), null, null,
                            null);
                default:
                    return new Answer(null, null, null, TemplateVariables.of(request.template()));
            }
        } catch (TemplateSyntaxException e) {
            return new Answer(null, e.kind().text(), null, null);
        } catch (MissingVariablesException e) {
            return new Answer(null, e.getMessage(), null, null);
        } catch (TemplateEvaluationException e) {
            return new Answer(null, null, "crash", null);
        } catch (RuntimeException e) {
            return new Answer(null, "unexpected " + e, null, null);
        }
    }
}
