package org.helpdesktriage.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A recorded run's answer to SIGTERM and SIGINT: a JVM shutdown hook that asks the run to stop
 * at its next chunk boundary and waits (up to {@link #GRACE}) while it finishes what it read,
 * writes its outputs and run record ({@code status: interrupted}), releases the lock and prints
 * its summary. The JVM then exits with the signal's status, 143 or 130.
 *
 * <p>The hook cannot tell which signal started the shutdown; a signal handler that remembers
 * the signal and hands it on to the JVM's own (which starts the shutdown) tells it.
 */
final class Interruption implements AutoCloseable, BooleanSupplier {

    /** How long the hook waits for the run to finish before the JVM goes down anyway. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final AtomicReference<String> LAST_SIGNAL = new AtomicReference<>();

    static {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
                previous[0] = sun.misc.Signal.handle(signal, s -> {
                    LAST_SIGNAL.set("SIG" + s.getName());
                    previous[0].handle(s);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a JVM run with -Xrs, or a system without the signal: the hook still stops
            }
        }
    }

    private final AtomicReference<String> stop = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private Interruption() {
        this.hook = new Thread(() -> {
            String signal = LAST_SIGNAL.get();
            stop.compareAndSet(null, signal == null ? "SIGTERM" : signal);
            try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "helpdesk-triage-interruption");
    }

    /** Starts watching for a shutdown; close it when the run has finished. */
    static Interruption watch() {
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** Returns whether the run was asked to stop. */
    @Override
    public boolean getAsBoolean() {
        return stop.get() != null;
    }

    /** Returns the signal that stopped the run ("SIGTERM"), if one did. */
    String signal() {
        return stop.get();
    }

    /** Returns the exit code of a run stopped by the signal: 128 + its number. */
    ExitCode exitCode() {
        return "SIGINT".equals(stop.get()) ? ExitCode.SIGINT : ExitCode.SIGTERM;
    }

    /** Lets a waiting hook return, or removes the hook when no shutdown began. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the shutdown is under way; the hook returns now that the run has finished
        }
    }
}
