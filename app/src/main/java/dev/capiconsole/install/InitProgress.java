package dev.capiconsole.install;

/** What {@link Init} reports while it works: steps starting and ending, and lines of detail. */
public interface InitProgress {

    /** The steps of an init, in order. */
    enum Step {
        INVENTORY("Inventory CRD"),
        FETCH("Fetch components"),
        VALIDATE("Check versions and namespaces"),
        CERT_MANAGER("cert-manager"),
        INSTALL("Apply components and inventory"),
        WAIT("Wait for providers"),
        METALLB("MetalLB");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    enum State {
        RUNNING("•"), DONE("✓"), SKIPPED("-"), FAILED("✗");

        private final String mark;

        State(String mark) {
            this.mark = mark;
        }

        /** The mark a text listing shows before the step. */
        public String mark() {
            return mark;
        }
    }

    void step(Step step, State state, String detail);

    void line(String text);

    InitProgress NONE = new InitProgress() {
        @Override
        public void step(Step step, State state, String detail) {
        }

        @Override
        public void line(String text) {
        }
    };
}
