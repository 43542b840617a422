package org.medfund.ledger.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.medfund.common.Rejection;
import org.medfund.ledger.BookType;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Opens books on demand. The book type follows the organisation kind in the registry (agencies and settlement
 * centres keep agency books, finance departments special-account books); hospitals keep none in medfund.
 */
@Component
class BookOpener {

    static final int ORG_CODE_LENGTH_MAX = 40;

    private final LedgerStore store;
    private final ObjectProvider<Registry> registry;
    private final ChainSeals seals;
    private final Clock clock;

    BookOpener(LedgerStore store, ObjectProvider<Registry> registry, ChainSeals seals, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.seals = seals;
        this.clock = clock;
    }

    void open(String orgCode) {
        if (store.book(orgCode).isPresent()) {
            return;
        }
        Registry orgs = registry.getIfAvailable();
        Org org = orgs == null || orgCode == null ? null : orgs.org(orgCode).orElse(null);
        if (org == null) {
            throw Rejection.notFound("ledger.org-unknown", "orgCode", "未知机构，无法开设账套: " + orgCode);
        }
        BookType type = BookType.of(org.kind());
        if (type == null) {
            throw new Rejection("ledger.no-book-for-kind", "orgCode",
                    "该类机构在 medfund 中不设账套: " + orgCode + " (" + org.kind() + ")");
        }
        open(orgCode, type, org.name());
    }

    void open(String orgCode, BookType type, String name) {
        if (orgCode == null || orgCode.isBlank() || orgCode.length() > ORG_CODE_LENGTH_MAX) {
            throw new Rejection("ledger.org-code-invalid", "orgCode",
                    "机构编码须为 1 至 " + ORG_CODE_LENGTH_MAX + " 个字符");
        }
        if (type == null) {
            throw new Rejection("ledger.book-type-missing", "type", "缺少账套类型");
        }
        if (store.book(orgCode).isPresent()) {
            return;
        }
        // A new book is sealed under this process's key: refused when a rotation moved the ledger to another.
        seals.requireKey(null, store.lockKeyRow());
        store.insertBookIfAbsent(orgCode, type, name == null ? orgCode : name,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), seals.head(orgCode, 1, EntryHash.GENESIS),
                seals.keyId());
    }
}
