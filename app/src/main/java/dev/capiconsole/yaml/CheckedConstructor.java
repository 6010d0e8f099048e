package dev.capiconsole.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * SnakeYAML's safe constructor, with a value it cannot build (bad base64 under {@code !!binary}, for one) refused
 * as a YAML error at its line, like every other fault of the text, instead of escaping as a bare runtime exception.
 */
final class CheckedConstructor extends SafeConstructor {

    CheckedConstructor(LoaderOptions options) {
        super(options);
    }

    @Override
    protected Object constructObjectNoCheck(Node node) {
        try {
            return super.constructObjectNoCheck(node);
        } catch (YAMLException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadValue("cannot read the " + node.getTag().getValue()
                    .replaceFirst("^tag:yaml.org,2002:", "!!") + " value: " + e.getMessage(), node, e);
        }
    }

    private static final class BadValue extends ConstructorException {

        private static final long serialVersionUID = 1L;

        BadValue(String problem, Node node, Throwable cause) {
            super(null, null, problem, node.getStartMark(), cause);
        }
    }
}
