package dev.aigw.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The fill of the "added p99" bars. */
    static final Color ADDED_P99 = new Color(0x3182bd);

    @TempDir
    Path dir;

    BufferedImage write(BenchReport report) throws Exception {
        Path png = dir.resolve("bench.png");
        Chart.write(report, png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(PNG_SIGNATURE);
        return ImageIO.read(png.toFile());
    }

    static long pixels(BufferedImage image, Color color) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void shouldDrawAPngOfTheAgreedSizeWithABarPerMeasuredValue() throws Exception {
        BufferedImage image = write(SampleReports.full());

        assertThat(image.getWidth()).isEqualTo(Chart.WIDTH).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(Chart.HEIGHT).isEqualTo(800);
        assertThat(pixels(image, ADDED_P99)).isGreaterThan(2_000);
    }

    @Test
    void shouldDrawMissingTargetsAndValuesAsBlanks() throws Exception {
        BufferedImage onlyDirect = write(SampleReports.report(List.of(SampleReports.direct()), null));
        BufferedImage none = write(SampleReports.report(List.of(), null));

        assertThat(onlyDirect.getWidth()).isEqualTo(Chart.WIDTH);
        assertThat(pixels(onlyDirect, ADDED_P99)).isLessThan(200);
        assertThat(none.getHeight()).isEqualTo(Chart.HEIGHT);
    }
}
