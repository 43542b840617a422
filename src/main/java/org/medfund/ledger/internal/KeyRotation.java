package org.medfund.ledger.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfund.common.AuditLog;
import org.medfund.common.Rejection;
import org.medfund.ledger.Book;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.LedgerKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link LedgerKeys}: verifies and re-seals every book in one transaction, holding every book's lock so that no
 * posting runs in between, then switches this process to the new key (docs/decisions.md, "Ledger key rotation").
 */
@Service
class KeyRotation implements LedgerKeys {

    /** Entries read and re-sealed per round trip. */
    static final int RESEAL_BATCH = 1_000;
    /** A rotation re-seals the whole ledger: longer than the default transaction bound, as a file import is. */
    static final int TRANSACTION_SECONDS = 3_600;

    private final LedgerKey key;
    private final ChainSeals seals;
    private final ChainVerifier verifier;
    private final LedgerStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    KeyRotation(LedgerKey key, ChainSeals seals, ChainVerifier verifier, LedgerStore store, AuditLog audit,
                Clock clock, PlatformTransactionManager transactionManager) {
        this.key = key;
        this.seals = seals;
        this.verifier = verifier;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setTimeout(TRANSACTION_SECONDS);
    }

    @Override
    public String keyId() {
        return key.keyId();
    }

    @Override
    public Rotation rotate(Path newKeyFile) {
        LedgerKey next = LedgerKey.fromKeyFile(newKeyFile);
        if (next.keyId().equals(key.keyId())) {
            throw new Rejection("ledger.key-unchanged", "newKeyFile", "新密钥与当前账簿密钥相同（密钥标识 "
                    + key.keyId() + "），无需轮换");
        }
        Rotation done = transactions.execute(tx -> reseal(next));
        boolean replaced;
        try {
            replaced = key.switchTo(next);
        } catch (IOException e) {
            throw new Rejection("ledger.key-file-not-replaced", null, "账簿已改由新密钥 " + done.newKeyId()
                    + " 封签，但密钥文件 " + key.source() + " 未能替换（" + e.getMessage() + "）：请把 " + newKeyFile
                    + " 复制为该文件（权限 600）后再启动 medfund", 500);
        }
        return new Rotation(done.rotationNo(), done.oldKeyId(), done.newKeyId(), done.books(), done.entries(),
                done.anchors(), replaced, key.source());
    }

    private Rotation reseal(LedgerKey next) {
        ChainSeals nextSeals = new ChainSeals(next);
        // The key row first, as a book opener takes it: no book is opened until this rotation has committed.
        seals.requireKey(null, store.lockKeyRow());
        List<LedgerStore.BookState> locked = store.lockAllBooks();
        for (LedgerStore.BookState book : locked) {
            seals.requireKey(book.orgCode(), book.keyId());
        }
        Map<String, String> heads = store.headSeals();
        Map<String, List<AnchorRow>> anchors = store.anchorsByBook(null);
        Map<String, List<String>> closed = store.closedPeriods(null);
        List<Book> books = store.books();
        for (Book book : books) {
            ChainBreak broken = verifier.verify(book, heads.get(book.orgCode()),
                    anchors.getOrDefault(book.orgCode(), List.of()), closed.getOrDefault(book.orgCode(), List.of()),
                    entry -> { }).firstBreak();
            if (broken != null) {
                throw Rejection.conflict("ledger.chain-broken", null, "账簿校验未通过，不能轮换密钥（轮换不为被改动的账簿"
                        + "重新封签）：" + broken + "。请先用 ledger verify 查明原因");
            }
        }
        long entries = 0;
        long anchorCount = 0;
        for (LedgerStore.BookState book : locked) {
            String org = book.orgCode();
            entries += resealEntries(org, nextSeals);
            List<Object[]> anchorSeals = new ArrayList<>();
            for (AnchorRow a : anchors.getOrDefault(org, List.of())) {
                AnchorRow moved = new AnchorRow(a.anchorNo(), a.reason(), a.period(), a.sequenceNo(), a.entryHash(),
                        a.anchoredAt(), next.keyId(), null);
                anchorSeals.add(new Object[] {next.keyId(), nextSeals.anchor(org, moved), org, a.anchorNo()});
            }
            if (!anchorSeals.isEmpty()) {
                store.updateAnchorSeals(anchorSeals);
            }
            anchorCount += anchorSeals.size();
            store.updateBookSeal(org, nextSeals.head(org, book.nextSequenceNo(), book.lastHash()), next.keyId());
        }
        store.updateKeyRow(next.keyId());
        long rotationNo = store.lastRotationNo() + 1;
        store.insertRotation(rotationNo, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), key.keyId(),
                next.keyId(), locked.size(), entries, anchorCount);
        audit.note("keyRotation", rotationNo + ":" + key.keyId() + "->" + next.keyId());
        return new Rotation(rotationNo, key.keyId(), next.keyId(), locked.size(), entries, anchorCount, false,
                key.source());
    }

    private long resealEntries(String org, ChainSeals nextSeals) {
        long count = 0;
        long after = 0;
        while (true) {
            List<Object[]> page = store.entryHashes(org, after, RESEAL_BATCH);
            List<Object[]> updates = new ArrayList<>(page.size());
            for (Object[] row : page) {
                long seq = (Long) row[0];
                updates.add(new Object[] {nextSeals.entry(org, seq, (String) row[1]), org, seq});
                after = seq;
            }
            if (!updates.isEmpty()) {
                store.updateEntrySeals(updates);
            }
            count += updates.size();
            if (page.size() < RESEAL_BATCH) {
                return count;
            }
        }
    }
}
