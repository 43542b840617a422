package org.medfund.ledger.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.medfund.ledger.Anchor;
import org.medfund.ledger.Book;
import org.medfund.ledger.ChainBreak;
import org.springframework.stereotype.Component;

/**
 * Walks one book's chain (DESIGN.md §5) and checks, entry by entry, the sequence, the link to the previous hash,
 * the hash over the content and the seal under the ledger key; then the book's head and its seal, and the anchors
 * (numbered without gaps, sealed, matching the entries they name, one at every {@link Anchor#INTERVAL_ENTRIES}th
 * entry and one per closed period). An unkeyed chain can be recomputed by whoever can write the database, the
 * seals cannot: a changed entry whose hashes were all recomputed still fails its seal, at that entry.
 */
@Component
class ChainVerifier {

    /** Entries read per round trip while walking a chain. */
    static final int CHAIN_PAGE_ENTRIES = 2_000;

    private final LedgerStore store;
    private final ChainSeals seals;

    ChainVerifier(LedgerStore store, ChainSeals seals) {
        this.store = store;
        this.seals = seals;
    }

    /**
     * @param firstBreak the break at the lowest entry, or null when the book is sound
     * @param entries entries found on the chain (up to the first break)
     * @param anchorKeyIds ids of the keys that sealed the book's anchors
     */
    record BookCheck(ChainBreak firstBreak, long entries, int anchors, Set<String> anchorKeyIds) {
    }

    /**
     * @param headSeal the book row's head seal as stored
     * @param anchors the book's anchors in number order
     * @param closedPeriods the book's closed periods
     * @param everyEntry receives every stored entry of the book, in number order, broken chain or not
     */
    BookCheck verify(Book book, String headSeal, List<AnchorRow> anchors, List<String> closedPeriods,
                     Consumer<EntryRow> everyEntry) {
        String org = book.orgCode();
        Map<Long, List<AnchorRow>> anchorsAt = new HashMap<>();
        Set<String> keyIds = new HashSet<>();
        for (AnchorRow a : anchors) {
            anchorsAt.computeIfAbsent(a.sequenceNo(), k -> new ArrayList<>()).add(a);
            keyIds.add(a.keyId());
        }
        List<ChainBreak> breaks = new ArrayList<>();
        Walk walk = walk(org, anchorsAt, everyEntry, breaks);
        if (!walk.broken()) {
            checkHead(book, headSeal, walk, breaks);
        }
        checkAnchors(book, anchors, closedPeriods, walk.entries(), breaks);
        // Chain breaks come first in the list, so at the same entry they win over an anchor's complaint.
        ChainBreak first = breaks.stream().min(Comparator.comparingLong(ChainBreak::sequenceNo)).orElse(null);
        return new BookCheck(first, walk.entries(), anchors.size(), keyIds);
    }

    /** How far the walk got: entries that verified, the hash of the last of them, whether an entry failed. */
    private record Walk(long entries, String lastHash, boolean broken) {
    }

    /**
     * Reads every entry of the book in number order, hands each to {@code everyEntry} (the audit derives balances
     * from them), and checks the chain up to the first entry that fails; anchors that disagree with a sound entry are
     * noted and passed. Pages are closed number ranges; past a short page the walk jumps to the next stored number,
     * so a gap or an entry far beyond the end costs one lookup, not a page per missing range.
     */
    private Walk walk(String org, Map<Long, List<AnchorRow>> anchorsAt, Consumer<EntryRow> everyEntry,
                      List<ChainBreak> breaks) {
        long expectedSeq = 1;
        String prev = EntryHash.GENESIS;
        boolean broken = false;
        long pageFrom = 1;
        while (true) {
            List<EntryRow> page = store.entries(org, pageFrom, CHAIN_PAGE_ENTRIES);
            for (EntryRow e : page) {
                everyEntry.accept(e);
                if (broken) {
                    continue;
                }
                ChainBreak.Kind wrong = e.sequenceNo() != expectedSeq ? ChainBreak.Kind.GAP
                        : !e.link().prevHash().equals(prev) ? ChainBreak.Kind.PREVIOUS_HASH
                        : !EntryHash.of(e).equals(e.hash()) ? ChainBreak.Kind.CONTENT
                        : e.seal() == null ? ChainBreak.Kind.UNSEALED
                        : !LedgerKey.same(seals.entry(org, e.sequenceNo(), e.hash()), e.seal()) ? ChainBreak.Kind.SEAL
                        : null;
                if (wrong != null) {
                    breaks.add(0, new ChainBreak(org, expectedSeq, wrong, null));
                    broken = true;
                    continue;
                }
                for (AnchorRow a : anchorsAt.getOrDefault(e.sequenceNo(), List.of())) {
                    if (!a.entryHash().equals(e.hash())) {
                        breaks.add(new ChainBreak(org, e.sequenceNo(), ChainBreak.Kind.ANCHOR,
                                "第 " + a.anchorNo() + " 号锚点记载的链尾哈希与该凭证不符（凭证或锚点被改动）"));
                    }
                }
                prev = e.hash();
                expectedSeq++;
            }
            long pageEnd = pageFrom + CHAIN_PAGE_ENTRIES - 1;
            if (page.size() == CHAIN_PAGE_ENTRIES) {
                pageFrom = pageEnd + 1;
                continue;
            }
            Long next = store.nextSequenceNoAfter(org, pageEnd);
            if (next == null) {
                return new Walk(expectedSeq - 1, prev, broken);
            }
            pageFrom = next;
        }
    }

    /** The book row's count and last hash agree with the chain, and its head seal with both. */
    private void checkHead(Book book, String headSeal, Walk walk, List<ChainBreak> breaks) {
        String org = book.orgCode();
        if (book.entryCount() > walk.entries()) {
            breaks.add(0, new ChainBreak(org, walk.entries() + 1, ChainBreak.Kind.GAP,
                    "账套记载 " + book.entryCount() + " 张凭证，链上只有 " + walk.entries() + " 张"));
        } else if (book.entryCount() < walk.entries()) {
            breaks.add(0, new ChainBreak(org, book.entryCount() + 1, ChainBreak.Kind.HEAD,
                    "账套记载 " + book.entryCount() + " 张凭证，链上却有 " + walk.entries() + " 张"));
        } else if (!book.lastHash().equals(walk.lastHash())) {
            breaks.add(0, new ChainBreak(org, walk.entries(), ChainBreak.Kind.HEAD, "账套记载的链尾哈希不是最后凭证的哈希"));
        } else if (headSeal == null
                || !LedgerKey.same(seals.head(org, book.entryCount() + 1, book.lastHash()), headSeal)) {
            breaks.add(0, new ChainBreak(org, book.entryCount() + 1, ChainBreak.Kind.HEAD,
                    "链尾封签不符：第 " + book.entryCount() + " 号之后的凭证可能被删除，或账套记录被改动"));
        }
    }

    private void checkAnchors(Book book, List<AnchorRow> anchors, List<String> periods, long entries,
                              List<ChainBreak> breaks) {
        String org = book.orgCode();
        long expectedNo = 1;
        Set<Long> intervals = new HashSet<>();
        Set<String> closed = new HashSet<>();
        for (AnchorRow a : anchors) {
            if (a.anchorNo() != expectedNo) {
                breaks.add(anchor(org, a.sequenceNo(), "第 " + expectedNo + " 号锚点缺失"));
            }
            expectedNo = a.anchorNo() + 1;
            if (!LedgerKey.same(seals.anchor(org, a), a.seal())) {
                breaks.add(anchor(org, a.sequenceNo(), "第 " + a.anchorNo() + " 号锚点的封签不符（锚点记录被改动，"
                        + "或由另一密钥封签：锚点密钥标识 " + a.keyId() + "，当前 " + seals.keyId() + "）"));
                continue;
            }
            if (a.sequenceNo() > entries) {
                breaks.add(anchor(org, a.sequenceNo(), "第 " + a.anchorNo() + " 号锚点所锚定的凭证不存在（凭证被删除）"));
            } else if (a.sequenceNo() == 0 && !a.entryHash().equals(EntryHash.GENESIS)) {
                breaks.add(anchor(org, 0, "第 " + a.anchorNo() + " 号锚点记载的空账套链尾哈希不符"));
            }
            if (a.reason().equals(Anchor.Reason.INTERVAL.name())) {
                intervals.add(a.sequenceNo());
            } else {
                closed.add(a.period());
            }
        }
        for (long seq = Anchor.INTERVAL_ENTRIES; seq <= Math.min(entries, book.entryCount());
                seq += Anchor.INTERVAL_ENTRIES) {
            if (!intervals.contains(seq)) {
                breaks.add(anchor(org, seq, "缺少定期锚点（每 " + Anchor.INTERVAL_ENTRIES + " 张凭证一个）"));
            }
        }
        for (String period : periods) {
            if (!closed.contains(period)) {
                breaks.add(anchor(org, book.entryCount(), "会计期间 " + period + " 已结账，但没有结账锚点"));
            }
        }
        periods.forEach(closed::remove);
        for (String period : closed) {
            breaks.add(anchor(org, book.entryCount(), "结账锚点记载会计期间 " + period + " 已结账，但结账记录缺失"));
        }
    }

    private static ChainBreak anchor(String org, long sequenceNo, String detail) {
        return new ChainBreak(org, sequenceNo, ChainBreak.Kind.ANCHOR, detail);
    }
}
