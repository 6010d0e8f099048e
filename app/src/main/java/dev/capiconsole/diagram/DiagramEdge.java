package dev.capiconsole.diagram;

/** A line of the diagram, from the object that refers to another to the one it refers to. */
public record DiagramEdge(String from, String to, Relation relation) {

    /** What the line means; its label is drawn beside it unless it is plain ownership. */
    public enum Relation {
        OWNS("owns"), INFRASTRUCTURE("infrastructure"), CONTROL_PLANE("control plane"), BOOTSTRAP("bootstrap"),
        TEMPLATE("template"), HEALTH_CHECKS("health-checks"), RESOURCE_SET("resource set"), CLASS("class");

        private final String label;

        Relation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
