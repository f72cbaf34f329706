package io.pgenrm.simulator;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code capacity} requests in service at once; the rest wait first come, first served, up to
 * {@code maxQueue} of them. A freed slot is handed straight to the oldest waiter, so nobody can jump the queue.
 */
final class ServiceSlots {
    private final int capacity;
    private final int maxQueue;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private int inService;
    private int maxInService;
    private int maxQueued;

    private static final class Waiter {
        final Condition turn;
        boolean granted;

        Waiter(Condition turn) {
            this.turn = turn;
        }
    }

    ServiceSlots(int capacity, int maxQueue) {
        this.capacity = capacity;
        this.maxQueue = maxQueue;
    }

    /** Takes a slot, waiting in line if needed; false when the line is full (nothing is held then). */
    boolean acquire() throws InterruptedException {
        lock.lock();
        try {
            if (inService < capacity && queue.isEmpty()) {
                inService++;
                maxInService = Math.max(maxInService, inService);
                return true;
            }
            if (queue.size() >= maxQueue) {
                return false;
            }
            Waiter me = new Waiter(lock.newCondition());
            queue.addLast(me);
            maxQueued = Math.max(maxQueued, queue.size());
            try {
                while (!me.granted) {
                    me.turn.await();
                }
            } catch (InterruptedException e) {
                if (me.granted) {
                    handOver();
                } else {
                    queue.remove(me);
                }
                throw e;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            handOver();
        } finally {
            lock.unlock();
        }
    }

    /** Gives the caller's slot to the oldest waiter, or frees it. Call with the lock held. */
    private void handOver() {
        Waiter next = queue.pollFirst();
        if (next == null) {
            inService--;
        } else {
            next.granted = true;
            next.turn.signal();
        }
    }

    record Levels(int inService, int queued, int maxInService, int maxQueued) {
    }

    Levels levels() {
        lock.lock();
        try {
            return new Levels(inService, queue.size(), maxInService, maxQueued);
        } finally {
            lock.unlock();
        }
    }
}
