package dev.aigw.bench.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A full run of all five targets, with figures of the order the harness measures. */
final class SampleReports {
    static final long MIB = 1024 * 1024;

    private SampleReports() {
    }

    static BenchReport full() {
        return report(List.of(direct(), nginx(), portkey(), gatewayAuditOn(), gatewayAuditOff()),
                new AuditDelay(1_000, 0, 120.4, 850.6, 1_210.2));
    }

    static BenchReport report(List<TargetRow> targets, AuditDelay auditDelay) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("JDK", "25.0.1");
        versions.put("nginx", "1.27.3");
        versions.put("Portkey", "1.9.5");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("repetitions", "5");
        settings.put("pinning", "load on cpu 0, targets on cpu 1");
        Machine machine = new Machine("AMD Ryzen 7 5800U", 2, "24 GiB", "6.8.0-49-generic", versions, settings);
        return new BenchReport(Instant.parse("2025-06-01T14:03:27Z"), "full", machine, targets, auditDelay);
    }

    static TargetRow direct() {
        return new TargetRow("direct", "the mock upstream, called directly", spread(85, 82, 90), spread(160, 150, 171),
                null, null, spread(52_000, 51_200, 52_900), 9_800.0, spread(310, 300, 330), null,
                spread(20_300, 20_250, 20_400), null, null, 0);
    }

    static TargetRow nginx() {
        return new TargetRow("nginx", "nginx 1.27.3 as a plain reverse proxy", spread(130, 126, 135),
                spread(240, 230, 262), spread(45, 40, 52), spread(80, 70, 95), spread(38_000, 36_500, 39_100),
                9_750.0, spread(430, 410, 450), spread(120, 100, 130), spread(20_350, 20_300, 20_420),
                spread(50, 40, 60), null, 0);
    }

    static TargetRow portkey() {
        return new TargetRow("portkey", "Portkey gateway 1.9.5 on Node.js 22", spread(6_900, 6_700, 7_100),
                spread(7_400, 7_200, 7_900), spread(6_815, 6_610, 7_010), spread(7_240, 7_050, 7_730),
                spread(1_400, 1_350, 1_460), 700.0, spread(7_800, 7_600, 8_000), spread(7_490, 7_300, 7_670),
                spread(20_900, 20_800, 21_100), spread(600, 550, 700), null, 3);
    }

    /** Over the added p99 target (260 µs), within the others. */
    static TargetRow gatewayAuditOn() {
        Map<Integer, Long> rss = new LinkedHashMap<>();
        rss.put(5_000, 700 * MIB);
        rss.put(0, 180 * MIB);
        rss.put(1_000, 300 * MIB);
        return new TargetRow("gateway-audit-on", "our gateway, audit events produced to Kafka",
                spread(230.4, 221.6, 244), spread(420, 400, 459), spread(145.4, 137.6, 151.2), spread(260, 240, 300),
                spread(21_000.4, 20_100.2, 21_800.7), 9_500.0, spread(910, 880, 960), spread(600, 570, 640),
                spread(20_380, 20_330, 20_450), spread(80, 70, 90), rss, 0);
    }

    /** Streaming, sustained rate and memory not measured; a single repetition for the rest. */
    static TargetRow gatewayAuditOff() {
        return new TargetRow("gateway-audit-off", "our gateway, audit off", spread(210), spread(390), spread(125),
                spread(230), spread(23_000), null, null, null, null, null, null, 0);
    }

    static Spread spread(double median, double min, double max) {
        return new Spread(median, min, max);
    }

    static Spread spread(double only) {
        return new Spread(only, only, only);
    }
}
