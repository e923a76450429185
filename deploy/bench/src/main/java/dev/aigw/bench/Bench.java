package dev.aigw.bench;

import dev.aigw.bench.load.Call;
import dev.aigw.bench.load.Load;
import dev.aigw.bench.load.LoadGenerator;
import dev.aigw.bench.load.LoadResult;
import dev.aigw.bench.mock.MockProfile;
import dev.aigw.bench.report.AuditDelay;
import dev.aigw.bench.report.BenchReport;
import dev.aigw.bench.report.TargetRow;
import dev.aigw.bench.targets.AuditStack;
import dev.aigw.bench.targets.GatewayMode;
import dev.aigw.bench.targets.GatewayTarget;
import dev.aigw.bench.targets.MockProcess;
import dev.aigw.bench.targets.NginxTarget;
import dev.aigw.bench.targets.Pinning;
import dev.aigw.bench.targets.PortkeyTarget;
import dev.aigw.bench.targets.Running;
import dev.aigw.bench.targets.Target;
import dev.aigw.bench.targets.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** One harness run: starts the mock, the peers and our gateway, measures each scenario on every target, stops all. */
final class Bench {
    private static final double SUSTAINED_P99_MICROS = 50_000;
    private static final MockProfile INSTANT = new MockProfile(Duration.ZERO, 16, Duration.ZERO, 512);
    private static final MockProfile SLOW = new MockProfile(Duration.ofMillis(20), 16, Duration.ZERO, 512);
    private static final MockProfile STREAM = new MockProfile(Duration.ZERO, 64, Duration.ofMillis(20), 512);
    // Streams start spread over one stream's length; started together, p99 TTFB timed the queue of a 16-stream burst.
    private static final Duration STREAM_LENGTH = STREAM.gap().multipliedBy(STREAM.deltas());

    private final Plan plan;
    private final Workspace workspace;
    private final Pinning pinning;
    private final Consumer<String> progress;
    private final Measurements measurements = new Measurements();
    private String key;

    Bench(Plan plan, Workspace workspace, Pinning pinning, Consumer<String> progress) {
        this.plan = plan;
        this.workspace = workspace;
        this.pinning = pinning;
        this.progress = progress;
    }

    BenchReport run() {
        Instant started = Instant.now();
        List<Running> running = new ArrayList<>();
        try (MockProcess mock = MockProcess.start(workspace)) {
            progress.accept("mock upstream on port " + mock.port() + "; starting the audit stack");
            try (AuditStack stack = AuditStack.start(workspace, pinning)) {
                List<Target> targets = start(mock, stack, running);
                Target audited = targets.stream().filter(t -> t.name().equals(GatewayMode.AUDIT_ON.label()))
                        .findFirst().orElseThrow();
                measure(mock, targets);
                mock.profile(MemoryProbe.HOLD);
                new MemoryProbe(plan, progress).measure(audited, measurements);
                mock.profile(INSTANT);
                AuditDelay delay = auditDelay(stack, mock, running);
                List<TargetRow> rows = targets.stream().map(measurements::row).toList();
                return new BenchReport(started, plan.mode(), MachineInfo.read(plan, pinning, targets), rows, delay);
            } finally {
                running.reversed().forEach(Running::close);
            }
        }
    }

    private List<Target> start(MockProcess mock, AuditStack stack, List<Running> running) {
        List<Target> targets = new ArrayList<>(List.of(mock.direct()));
        if (plan.peers()) {
            progress.accept("starting nginx");
            running.add(NginxTarget.start(workspace, pinning, mock.port()));
            progress.accept("starting Portkey");
            running.add(PortkeyTarget.start(workspace, pinning, mock.port()));
        }
        key = stack.createKey("bench");
        progress.accept("starting our gateway, audit on and audit off");
        running.add(GatewayTarget.start(workspace, pinning, stack, mock.port(), GatewayMode.AUDIT_ON, key,
                plan.flightRecording()));
        running.add(GatewayTarget.start(workspace, pinning, stack, mock.port(), GatewayMode.AUDIT_OFF, key,
                plan.flightRecording()));
        running.forEach(r -> targets.add(r.target()));
        mock.profile(INSTANT);
        targets.forEach(KeyWait::untilAccepted);
        return targets;
    }

    // Measured last, on a node of its own that produces to the recorded topic, with every other target stopped.
    private AuditDelay auditDelay(AuditStack stack, MockProcess mock, List<Running> running) {
        running.reversed().forEach(Running::close);
        running.clear();
        progress.accept("starting a gateway node that produces to the recorded topic");
        running.add(GatewayTarget.start(workspace, pinning, stack, mock.port(), GatewayMode.RECORDED, key,
                plan.flightRecording()));
        Target recorded = running.getLast().target();
        KeyWait.untilAccepted(recorded);
        return new AuditDelayProbe(stack, progress).measure(recorded, plan.auditSamples());
    }

    private void measure(MockProcess mock, List<Target> targets) {
        mock.profile(INSTANT);
        byte[] blocking = Requests.blocking();
        for (Target target : targets) {
            progress.accept("warming up " + target.name());
            LoadGenerator.run(target.chat(blocking, false),
                    new Load.Closed(Plan.SATURATION_CONCURRENCY, plan.jitWarmup()));
        }
        progress.accept("latency at concurrency 1, 0 ms mock");
        turns(targets, t -> t.chat(blocking, false), new Load.Closed(1, plan.run()), measurements::latency);
        progress.accept("throughput at concurrency " + Plan.SATURATION_CONCURRENCY + ", 0 ms mock");
        turns(targets, t -> t.chat(blocking, false), new Load.Closed(Plan.SATURATION_CONCURRENCY, plan.run()),
                measurements::saturation);
        mock.profile(SLOW);
        for (Target target : targets) {
            progress.accept("sustained rate against the 20 ms mock: " + target.name());
            sustained(target, blocking);
        }
        mock.profile(STREAM);
        byte[] streaming = Requests.streaming();
        progress.accept("streaming: 64 deltas 20 ms apart, " + plan.streams() + " streams");
        turns(targets, t -> t.chat(streaming, true), new Load.Closed(plan.streams(), plan.streamRun(),
                STREAM_LENGTH), measurements::streaming);
    }

    /** Warms every target up, then runs each repetition on every target in turn. */
    private void turns(List<Target> targets, Function<Target, Call> call,
                       Load load, BiConsumer<Target, LoadResult> record) {
        for (Target target : targets) {
            LoadGenerator.run(call.apply(target), withDuration(load, plan.warmup()));
        }
        for (int i = 0; i < plan.repetitions(); i++) {
            for (Target target : targets) {
                record.accept(target, LoadGenerator.run(call.apply(target), load));
            }
        }
    }

    private void sustained(Target target, byte[] body) {
        LoadGenerator.run(target.chat(body, false), new Load.Closed(8, plan.warmup()));
        double best = 0;
        // Failures at the rate that broke the bound are the overload being found, not faults: they end the search.
        for (int rate : plan.sustainedRates()) {
            LoadResult result = LoadGenerator.run(target.chat(body, false), new Load.Open(rate, plan.step()));
            if (result.failed() > 0 || result.total().p99() > SUSTAINED_P99_MICROS) {
                break;
            }
            best = rate;
        }
        measurements.sustained(target, best);
    }

    private static Load withDuration(Load load, Duration duration) {
        return switch (load) {
            case Load.Closed closed -> new Load.Closed(closed.concurrency(), duration, closed.stagger());
            case Load.Open open -> new Load.Open(open.perSecond(), duration);
        };
    }
}
