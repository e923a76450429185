package dev.aigw.engines;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The members 1..n of a cluster of one engine, each a child process that can be killed, stopped and started again on
 * its own data while the others serve.
 *
 * @param <S> a member's settings
 * @param <E> a running member
 */
abstract class EngineGroup<S, E extends EngineGroup.Member> implements AutoCloseable {
    /** A running member: its process, and a close that stops it (SIGTERM) and waits until it is gone. */
    interface Member extends AutoCloseable {
        ChildProcess process();

        @Override
        void close();
    }

    private final String kind;
    private final List<S> settings;
    private final E[] running;

    /** {@code running[i]} was started with {@code settings.get(i)}; a null one is not running. */
    EngineGroup(String kind, List<S> settings, E[] running) {
        this.kind = kind;
        this.settings = List.copyOf(settings);
        this.running = running;
    }

    /** Starts one member with {@code settings} and waits until it serves. */
    abstract E start(S settings, Duration timeout);

    /** The settings of every member, in order. */
    final List<S> settings() {
        return settings;
    }

    /** Member {@code n} (1..), as last started. */
    public final synchronized E member(int n) {
        return running[index(n)];
    }

    /** The members in order, as last started. */
    public final synchronized List<E> members() {
        return List.copyOf(Arrays.asList(running));
    }

    /** SIGKILL to member {@code n}, as a crash would end it. */
    public final void kill(int n) {
        member(n).process().kill();
    }

    /** SIGTERM to member {@code n}, waiting until it is gone. */
    public final void stop(int n) {
        member(n).close();
    }

    /** Starts a stopped or killed member again on its data and waits until it serves. */
    public final synchronized E restart(int n, Duration timeout) {
        int i = index(n);
        if (running[i].process().isAlive()) {
            throw new IllegalStateException(kind + " " + n + " is running (pid " + running[i].process().pid() + ")");
        }
        running[i] = start(settings.get(i), timeout);
        return running[i];
    }

    /** SIGTERM to every member at once, then waits for each: stopped one by one, the last could wait for peers gone. */
    @Override
    public final synchronized void close() {
        List<E> started = new ArrayList<>();
        for (E member : running) {
            if (member != null) {
                member.process().signalStop();
                started.add(member);
            }
        }
        started.forEach(Member::close);
    }

    private int index(int n) {
        if (n < 1 || n > settings.size()) {
            throw new IllegalArgumentException("no " + kind + " " + n + "; members are 1.." + settings.size());
        }
        return n - 1;
    }
}
