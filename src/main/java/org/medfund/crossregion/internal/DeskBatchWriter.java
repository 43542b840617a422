package org.medfund.crossregion.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.medfund.common.AuditLog;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.medfund.crossregion.DeskBatcher;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.crossregion.SettlementState;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discharge desk's group commit ({@link DeskBatcher}). One writer thread takes whatever settle requests are
 * waiting (at most {@link #BATCH_BILLS_MAX}) and books them in one transaction: each bill is checked and calculated
 * exactly as {@link JdbcCrossRegion#settle} does (the same reads and the same {@code compute}), a second bill of the
 * same person in the batch is calculated from what the first left (so the annual cap is reached in the middle of the
 * batch as it would be one bill after the other), and then the year-to-date use (one compare-and-set per person),
 * the settlements, the request ids with their answers (one row each, {@link RequestLog#recordAll}) and the audit
 * rows are written in JDBC batches before one commit. There is no waiting for a batch to fill: while the writers
 * book their batches the next requests queue up, so a batch is as large as the load makes it and a lone request is
 * booked at once. Two writers may book bills of the same person at the same time: the compare-and-set of the one
 * that commits second finds the row changed, and its batch goes alone.
 *
 * <p>Whatever the batch cannot book safely goes back to its request thread to be settled alone by the classic path:
 * a {@code setl_id} already settled (the classic path answers the replay or the conflict), a bill the personal account
 * pays (its compare-and-set and retry stay in one place), and, when the batch's transaction fails for any reason (a
 * row changed under a compare-and-set, a request id or {@code setl_id} recorded meanwhile or already, a database
 * error), every bill of the batch that was not refused: the transaction rolled back, so nothing of them is
 * half-written, and settled one by one exactly the bad bill fails. A refused bill writes nothing.
 */
@Component
class DeskBatchWriter implements DeskBatcher, DisposableBean {

    /** Bills booked in one transaction at most: bounds the statement batches and the time one commit holds locks. */
    static final int BATCH_BILLS_MAX = 64;
    /** Requests waiting at most; when full, a request settles alone rather than waiting longer. */
    static final int QUEUE_BILLS_MAX = 1_024;
    /**
     * Writers booking batches at the same time: two, so that one calculates while the other waits for the database
     * (one alone left a core idle during every round trip); more would only make each batch smaller.
     */
    static final int WRITER_THREADS = 2;
    /** Thread names start with this (bench crossregion-settle counts their CPU with the request threads'). */
    static final String THREAD_NAME = "desk-batch-writer";

    private static final Logger log = LoggerFactory.getLogger(DeskBatchWriter.class);
    private static final Comparator<CrossRegionStore.UseChange> USE_ORDER = Comparator
            .comparing((CrossRegionStore.UseChange c) -> c.key().insuredRegion())
            .thenComparing(c -> c.key().cardNo()).thenComparing(c -> c.key().insuranceType())
            .thenComparingInt(c -> c.key().year());

    private final JdbcCrossRegion desk;
    private final CrossRegionStore store;
    private final RequestLog requestLog;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE_BILLS_MAX);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean started;

    DeskBatchWriter(JdbcCrossRegion desk, CrossRegionStore store, RequestLog requestLog, AuditLog audit,
                    TransactionTemplate transactions) {
        this.desk = desk;
        this.store = store;
        this.requestLog = requestLog;
        this.audit = audit;
        this.transactions = transactions;
        for (int i = 0; i < WRITER_THREADS; i++) {
            Thread writer = new Thread(this::run, THREAD_NAME + "-" + i);
            writer.setDaemon(true);
            writers.add(writer);
        }
    }

    /** A bill and the future its request thread waits on: the answer, empty to settle alone, or the refusal. */
    private record Job(DeskBill bill, CompletableFuture<Optional<String>> done) {
    }

    /** Two bills with the same request id or the same hospital and {@code setl_id} never share a batch. */
    private record IdKey(String scope, String requestId) {
    }

    private record SetlKey(String hospitalCode, String setlId) {
    }

    @Override
    public Optional<String> settle(DeskBill bill) {
        if (!started) {
            startOnce();
        }
        Job job = new Job(bill, new CompletableFuture<>());
        if (stopping || !queue.offer(job) || stopping && queue.remove(job)) {
            return Optional.empty();
        }
        try {
            return job.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Rejection refused) {
                throw refused;
            }
            throw new IllegalStateException("desk batch failed", e.getCause());
        }
    }

    /** Starts the writers at the first bill; later bills only read the volatile flag, not the monitor. */
    private synchronized void startOnce() {
        if (!started && !stopping) {
            writers.forEach(Thread::start);
            started = true;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        for (Thread writer : writers) {
            writer.interrupt();
            writer.join(10_000);
        }
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> job.done().complete(Optional.empty()));
    }

    private void run() {
        List<Job> carried = new ArrayList<>();
        while (!stopping) {
            List<Job> taken = new ArrayList<>(carried);
            carried.clear();
            try {
                if (taken.isEmpty()) {
                    taken.add(queue.take());
                }
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(taken, Math.max(0, BATCH_BILLS_MAX - taken.size()));
            List<Job> batch = new ArrayList<>();
            Set<IdKey> ids = new HashSet<>();
            Set<SetlKey> setlIds = new HashSet<>();
            for (Job job : taken) {
                IdKey id = new IdKey(job.bill().claim().scope(), job.bill().claim().requestId());
                SetlKey setl = new SetlKey(job.bill().actor().orgCode(), job.bill().request().hospitalSettlementId());
                if (batch.size() < BATCH_BILLS_MAX && !ids.contains(id) && !setlIds.contains(setl)) {
                    ids.add(id);
                    setlIds.add(setl);
                    batch.add(job);
                } else {
                    carried.add(job);
                }
            }
            write(batch);
        }
        carried.forEach(job -> job.done().complete(Optional.empty()));
    }

    /** One bill while its batch is booked. */
    private static final class Entry {
        final Job job;
        Rejection refusal;
        CrossRegionStore.SettlementRow row;
        DeskAnswer answer;

        Entry(Job job) {
            this.job = job;
        }

        void complete() {
            if (refusal != null) {
                job.done().completeExceptionally(refusal);
            } else {
                job.done().complete(row == null ? Optional.empty() : Optional.of(answer.json()));
            }
        }
    }

    /**
     * Books the given bills as one batch on the calling thread, as the writer thread books what it took from the
     * queue: for tests that need a batch of exactly these bills (distinct request ids and setl_ids).
     */
    List<CompletableFuture<Optional<String>>> writeNow(List<DeskBill> bills) {
        List<Job> jobs = bills.stream().map(bill -> new Job(bill, new CompletableFuture<Optional<String>>()))
                .toList();
        write(jobs);
        return jobs.stream().map(Job::done).toList();
    }

    /** Books one batch (its bills with distinct request ids and setl_ids) and completes every bill's future. */
    private void write(List<Job> jobs) {
        List<Entry> entries = jobs.stream().map(Entry::new).toList();
        try {
            transactions.executeWithoutResult(tx -> book(entries));
        } catch (RuntimeException e) {
            log.debug("desk batch of {} bills rolled back, settling them alone: {}", entries.size(), e.toString());
            audit.notCommitted(entries.stream().filter(en -> en.row != null && en.job.bill().action() != null)
                    .map(en -> en.job.bill().action()).toList());
            for (Entry entry : entries) {
                entry.row = null;
            }
        } catch (Error e) {
            entries.forEach(entry -> entry.job.done().completeExceptionally(e));
            throw e;
        }
        entries.forEach(Entry::complete);
    }

    private void book(List<Entry> entries) {
        Map<Actor, Org> hospitals = new HashMap<>();
        // Per person: what the batch read (null: no row yet) and what its bills have used so far.
        Map<CrossRegionStore.UseKey, Long> usedRead = new LinkedHashMap<>();
        Map<CrossRegionStore.UseKey, Long> usedNow = new LinkedHashMap<>();
        for (Entry entry : entries) {
            try {
                calculate(entry, hospitals, usedRead, usedNow);
            } catch (Rejection refused) {
                entry.refusal = refused;
            }
        }
        List<CrossRegionStore.UseChange> changes = new ArrayList<>();
        usedNow.forEach((key, used) -> {
            Long read = usedRead.get(key);
            changes.add(new CrossRegionStore.UseChange(key, read, used - (read == null ? 0 : read)));
        });
        // The same order in every batch, so two writers locking rows of the same persons never deadlock.
        changes.sort(USE_ORDER);
        if (!store.addToAnnualUseIfAll(changes)) {
            throw new ConcurrentUse();
        }
        List<Entry> booked = entries.stream().filter(e -> e.row != null).toList();
        if (!booked.isEmpty()) {
            store.insertSettlements(booked.stream().map(e -> e.row).toList());
            requestLog.recordAll(booked.stream().map(e -> e.job.bill().claim()).toList(),
                    booked.stream().map(e -> e.answer.json()).toList());
        }
        List<Entry> audited = booked.stream().filter(e -> e.job.bill().action() != null).toList();
        audit.writeCommitted(audited.stream().map(e -> e.job.bill().action()).toList(),
                audited.stream().map(e -> e.answer.businessIds()).toList());
    }

    /**
     * Checks and calculates one bill as {@link JdbcCrossRegion#settle} does, from the person's use as the batch's
     * earlier bills left it; leaves the bill without a row when it must settle alone.
     */
    private void calculate(Entry entry, Map<Actor, Org> hospitals, Map<CrossRegionStore.UseKey, Long> usedRead,
                           Map<CrossRegionStore.UseKey, Long> usedNow) {
        DeskBill bill = entry.job.bill();
        SettlementRequest request = bill.request();
        Org hospital = hospitals.get(bill.actor());
        if (hospital == null) {
            hospital = desk.requireHospital(bill.actor());
            hospitals.put(bill.actor(), hospital);
        }
        JdbcCrossRegion.Desk read = desk.checkAndRead(request, hospital);
        if (read.context().earlierFingerprint() != null) {
            return;
        }
        CrossRegionStore.UseKey key = JdbcCrossRegion.useKey(String.valueOf(request.insuredRegionCode()),
                request.cardNo(), request.insuranceType(), request.date());
        if (!usedRead.containsKey(key)) {
            usedRead.put(key, read.context().usedFen());
        }
        Long before = usedNow.containsKey(key) ? usedNow.get(key) : usedRead.get(key);
        JdbcCrossRegion.Computation computed = desk.compute(request, hospital, read,
                Money.ofFen(before == null ? 0 : before), read.balance());
        if (computed.outcome().payments().accountPay().isPositive()) {
            return;
        }
        usedNow.put(key, (before == null ? 0 : before) + computed.outcome().payments().fundPay().fen());
        String id = UUID.randomUUID().toString();
        entry.answer = bill.answer().apply(computed.settlement(id, SettlementState.SETTLED, null, 0));
        entry.row = JdbcCrossRegion.settlementRow(id, JdbcCrossRegion.fingerprint(request), computed);
    }

    /** A person's year-to-date use changed after the batch read it: the batch rolls back and its bills go alone. */
    private static final class ConcurrentUse extends RuntimeException {
        ConcurrentUse() {
            super("a year-to-date use changed while the batch was calculated", null, false, false);
        }
    }
}
