package dev.capiconsole.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Least-squares slopes of the soak's metrics per minute, over the samples taken while changes ran (the sample
 * before the first change is the baseline and left out: it precedes the driver's own connections and warm-up),
 * each judged flat when its slope is below a stated threshold.
 */
final class SoakSlopes {

    /** A metric of a sample and the largest slope per minute that still counts as flat. */
    record Metric(String name, String unit, ToDoubleFunction<Soak.Sample> value, double flatPerMinute) {
    }

    /** The slope of one metric over a run. */
    record Slope(Metric metric, double first, double last, double perMinute, int points) {
        boolean flat() {
            return !Double.isNaN(perMinute) && perMinute < metric.flatPerMinute();
        }

        String row() {
            return String.format("%-22s %10.1f %10.1f %+12.3f %+12.1f  < %-6s %s", metric.name() + " (" + metric.unit()
                    + ")", first, last, perMinute, perMinute * 60, trim(metric.flatPerMinute()), flat() ? "flat"
                    : "GROWS");
        }
    }

    static final String HEADER = String.format("%-22s %10s %10s %12s %12s  %-8s %s", "metric", "first", "last",
            "slope/min", "slope/hour", "flat if", "verdict");

    static final List<Metric> METRICS = List.of(
            new Metric("heap after GC", "MiB", Soak.Sample::heapMib, 1.0),
            new Metric("threads", "count", s -> s.threads(), 0.1),
            new Metric("open sockets", "count", s -> s.sockets(), 0.1),
            new Metric("event->model p50", "ms", Soak.Sample::modelP50, 2.0),
            new Metric("event->model p99", "ms", Soak.Sample::modelP99, 10.0),
            new Metric("event->tree p99", "ms", Soak.Sample::treeP99, 10.0),
            new Metric("event->frame p99", "ms", Soak.Sample::paintedP99, 10.0));

    private SoakSlopes() {
    }

    static List<Slope> of(List<Soak.Sample> samples) {
        List<Soak.Sample> running = samples.stream().filter(s -> s.minute() > 0).toList();
        List<Slope> slopes = new ArrayList<>();
        for (Metric metric : METRICS) {
            List<double[]> points = running.stream().map(s -> new double[] {s.minute(), metric.value().applyAsDouble(s)})
                    .filter(p -> !Double.isNaN(p[1])).toList();
            double first = points.isEmpty() ? Double.NaN : points.get(0)[1];
            double last = points.isEmpty() ? Double.NaN : points.get(points.size() - 1)[1];
            slopes.add(new Slope(metric, first, last, slope(points), points.size()));
        }
        return slopes;
    }

    /** The least-squares slope of y over x; NaN with fewer than two points. */
    static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
