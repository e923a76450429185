package dev.aigw.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/** Vertical bars at the medians, each with a whisker from the minimum to the maximum of its spread. */
final class SpreadBarRenderer extends BarRenderer {
    private static final BasicStroke WHISKER = new BasicStroke(1.5f);

    /** By series, then by category, as in the dataset; {@code null} where not measured. */
    private final Spread[][] spreads;

    SpreadBarRenderer(Spread[][] spreads) {
        this.spreads = spreads;
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
    }

    /** The bars' range widened to the whiskers, so that none is cut off by the axis. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
        Range range = super.findRangeBounds(dataset, includeInterval);
        for (Spread[] series : spreads) {
            for (Spread spread : series) {
                if (spread != null) {
                    range = Range.expandToInclude(Range.expandToInclude(range, spread.min()), spread.max());
                }
            }
        }
        return range;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        Spread spread = spreads[row][column];
        if (spread == null || spread.min() == spread.max()) {
            return;
        }
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(spread.min(), dataArea, edge);
        double high = rangeAxis.valueToJava2D(spread.max(), dataArea, edge);
        double cap = state.getBarWidth() / 4;
        g2.setPaint(Color.DARK_GRAY);
        g2.setStroke(WHISKER);
        g2.draw(new Line2D.Double(x, low, x, high));
        g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }
}
