package dev.aigw.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A run's results as one PNG, one panel above the other with the targets along the bottom: added latency at c=1,
 * saturation throughput, and added streaming latency. Bars are medians, whiskers the minimum and maximum.
 */
public final class Chart {
    /** Width of the image in pixels. */
    public static final int WIDTH = 1200;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 800;

    // Beside Portkey's ~7 ms, our ~150 µs would be a bar a few pixels high on a linear axis.
    private static final double LOG_SCALE_RATIO = 50;

    private Chart() {
    }

    private record Series(String name, Color color, Function<TargetRow, Spread> value) {
    }

    /** Draws {@code report} into {@code png}, replacing it; targets or values not measured are left blank. */
    public static void write(BenchReport report, Path png) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<TargetRow> rows = report.targets();
        CategoryPlot latency = panel("added at c=1, µs", rows,
                new Series("added p50", new Color(0x9ecae1), TargetRow::addedP50Micros),
                new Series("added p99", new Color(0x3182bd), TargetRow::addedP99Micros));
        latency.addRangeMarker(target(Checklist.ADDED_P99_MICROS, "target for our added p99"));
        CategoryPlot throughput = panel("req/s", rows,
                new Series("saturation (c=32)", new Color(0x31a354), TargetRow::saturationRps));
        CategoryPlot streaming = panel("streaming added, µs", rows,
                new Series("added TTFB p99", new Color(0xe6550d), TargetRow::addedTtfbP99Micros),
                new Series("added SSE gap p99", new Color(0xfdae6b), TargetRow::addedGapP99Micros));
        streaming.addRangeMarker(target(Checklist.ADDED_TTFB_P99_MICROS, "target for our added TTFB p99"));

        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("target"));
        plot.setGap(16);
        Stream.of(latency, throughput, streaming).forEach(plot::add);
        String title = "aigw bench, mode " + report.mode() + ", " + Format.date(report.startedAt());
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** One panel with a category per target, in the report's order, so that every panel lines up. */
    private static CategoryPlot panel(String axisLabel, List<TargetRow> rows, Series... series) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Spread[][] spreads = new Spread[series.length][rows.size()];
        for (int s = 0; s < series.length; s++) {
            for (int t = 0; t < rows.size(); t++) {
                Spread spread = series[s].value().apply(rows.get(t));
                spreads[s][t] = spread;
                dataset.addValue(spread == null ? null : spread.median(), series[s].name(), rows.get(t).name());
            }
        }
        SpreadBarRenderer renderer = new SpreadBarRenderer(spreads);
        for (int s = 0; s < series.length; s++) {
            renderer.setSeriesPaint(s, series[s].color());
        }
        ValueAxis axis = rangeAxis(axisLabel, spreads);
        // A log axis has no zero to start bars from; they start at its lower bound instead.
        renderer.setIncludeBaseInRange(!(axis instanceof LogAxis));
        CategoryPlot plot = new CategoryPlot(dataset, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    /** Logarithmic when every value is positive and they span more than {@link #LOG_SCALE_RATIO}. */
    private static ValueAxis rangeAxis(String label, Spread[][] spreads) {
        DoubleSummaryStatistics values = Stream.of(spreads).flatMap(Stream::of).filter(Objects::nonNull)
                .flatMapToDouble(spread -> DoubleStream.of(spread.min(), spread.max())).summaryStatistics();
        if (values.getCount() > 0 && values.getMin() > 0 && values.getMax() >= LOG_SCALE_RATIO * values.getMin()) {
            LogAxis axis = new LogAxis(label + ", log scale");
            NumberFormat integers = NumberFormat.getIntegerInstance(Locale.ROOT);
            // a tick per decade: the automatic ticks fall on values such as 6,310
            axis.setTickUnit(new NumberTickUnit(1, integers));
            axis.setNumberFormatOverride(integers);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        return axis;
    }

    private static ValueMarker target(double value, String label) {
        ValueMarker marker = new ValueMarker(value, Color.RED, new BasicStroke(1f));
        marker.setLabel(label);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }
}
