package org.medfund.ledger.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.ledger.BookType;

/**
 * The chart of accounts per book type, read from classpath {@code ledger/chart-of-accounts.txt} (data, not code).
 * A malformed file is a bug and stops the application.
 */
final class Chart {

    static final String RESOURCE = "ledger/chart-of-accounts.txt";

    private final Map<BookType, Map<String, AccountDef>> accounts;

    private Chart(Map<BookType, Map<String, AccountDef>> accounts) {
        this.accounts = accounts;
    }

    static Chart load() {
        return parse(PipeTable.read(RESOURCE));
    }

    static Chart parse(String text) {
        List<String[]> rows = PipeTable.rows(RESOURCE, text, 6);
        Map<BookType, Map<String, AccountDef>> byType = new EnumMap<>(BookType.class);
        for (String[] cells : rows) {
            BookType type = BookType.valueOf(cells[0]);
            String code = cells[1];
            String parent = code.contains(".") ? code.substring(0, code.lastIndexOf('.')) : null;
            boolean hasChildren = rows.stream().anyMatch(r -> r[0].equals(cells[0]) && r[1].startsWith(code + "."));
            boolean debitNormal = PipeTable.debit(RESOURCE, cells[3], code);
            NegativeRule negative = NegativeRule.parse(cells[4]).orElseThrow(() -> new IllegalStateException(
                    RESOURCE + ": unknown negative rule: " + code));
            AccountDef def = new AccountDef(type, code, cells[2], parent, debitNormal, negative,
                    cells[5].equals("memo"), !hasChildren);
            Map<String, AccountDef> chart = byType.computeIfAbsent(type, t -> new LinkedHashMap<>());
            if (chart.put(code, def) != null) {
                throw new IllegalStateException(RESOURCE + ": duplicate account " + type + " " + code);
            }
            if (parent != null && !chart.containsKey(parent)) {
                throw new IllegalStateException(RESOURCE + ": parent " + parent + " must precede " + code);
            }
        }
        byType.replaceAll((type, chart) -> Collections.unmodifiableMap(chart));
        return new Chart(byType);
    }

    Optional<AccountDef> account(BookType type, String code) {
        return Optional.ofNullable(accounts.getOrDefault(type, Map.of()).get(code));
    }

    /** Accounts of a book type in chart order. */
    List<AccountDef> accounts(BookType type) {
        return List.copyOf(accounts.getOrDefault(type, Map.of()).values());
    }
}
