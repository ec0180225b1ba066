package org.newsnlp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-thread JMH state that reports the benchmark thread's CPU time as the secondary metric
 * {@code cpuNanos} (CPU nanoseconds per wall-clock second). On a shared machine a benchmark thread gets only
 * part of a core; {@code score / (cpuNanos / 1e9)} is the throughput per CPU-second of the benchmark thread,
 * which depends much less on the other load than the wall-clock score. The thread's CPU time is read once at
 * the start and once at the end of each iteration, so it adds nothing to an operation. JIT compilation and
 * garbage-collection threads are not counted.
 *
 * <p>One instance per benchmark thread, so it needs no synchronisation.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the benchmark thread in this iteration, in nanoseconds; reported per second. */
    public long cpuNanos;

    private long start;

    /** Starts the clock at each iteration. */
    @Setup(Level.Iteration)
    public void start() {
        cpuNanos = 0;
        start = THREADS.getCurrentThreadCpuTime();
    }

    /** Stops the clock at the end of each iteration. */
    @TearDown(Level.Iteration)
    public void stop() {
        cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
    }
}
