package dev.aigw.bench.report;

import java.time.Instant;
import java.util.List;

/**
 * One harness run: the machine, every target's row (the direct call first), and our gateway's audit delay.
 *
 * @param auditDelay {@code null} when the recorder did not run
 */
public record BenchReport(Instant startedAt, String mode, Machine machine, List<TargetRow> targets,
                          AuditDelay auditDelay) {
}
