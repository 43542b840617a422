package org.medfund.ledger.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posting rules as data (classpath {@code ledger/posting-rules.txt}): event type → line templates per book role.
 * Each (rule, book role, stage) must have a debit and a credit line, so every entry a rule produces balances by
 * construction; {@link JdbcLedger} checks the balance again before writing.
 */
final class PostingRules {

    static final String RESOURCE = "ledger/posting-rules.txt";

    private final Map<String, List<RuleLine>> rules;

    private PostingRules(Map<String, List<RuleLine>> rules) {
        this.rules = rules;
    }

    static PostingRules load(Chart chart) {
        return parse(PipeTable.read(RESOURCE), chart);
    }

    static PostingRules parse(String text, Chart chart) {
        Map<String, List<RuleLine>> rules = new LinkedHashMap<>();
        for (String[] cells : PipeTable.rows(RESOURCE, text, 6)) {
            String line = String.join(" | ", cells);
            if (!cells[2].equals("now") && !cells[2].equals("receipt")) {
                throw new IllegalStateException(RESOURCE + ": stage must be now or receipt: " + line);
            }
            boolean debit = PipeTable.debit(RESOURCE, cells[3], line);
            boolean known = chart.account(org.medfund.ledger.BookType.AGENCY, cells[4]).isPresent()
                    || chart.account(org.medfund.ledger.BookType.FINANCE, cells[4]).isPresent();
            if (!known) {
                throw new IllegalStateException(RESOURCE + ": account in no chart: " + line);
            }
            rules.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(new RuleLine(cells[0], cells[1],
                    cells[2].equals("receipt"), debit, cells[4], cells[5].equals("-") ? null : cells[5]));
        }
        rules.forEach((type, lines) -> {
            for (String role : roles(lines)) {
                for (boolean receipt : new boolean[] {false, true}) {
                    List<RuleLine> part = lines.stream()
                            .filter(l -> l.bookRole().equals(role) && l.receipt() == receipt).toList();
                    long debits = part.stream().filter(RuleLine::debit).count();
                    if (debits != part.size() - debits) {
                        throw new IllegalStateException(RESOURCE + ": " + type + "/" + role + " does not balance");
                    }
                }
            }
        });
        rules.replaceAll((type, lines) -> List.copyOf(lines));
        return new PostingRules(rules);
    }

    private static Set<String> roles(List<RuleLine> lines) {
        Set<String> roles = new LinkedHashSet<>();
        lines.forEach(l -> roles.add(l.bookRole()));
        return roles;
    }

    Optional<List<RuleLine>> rule(String eventType) {
        return Optional.ofNullable(rules.get(eventType));
    }

    Set<String> types() {
        return rules.keySet();
    }

    /** Every party role a rule needs: book roles and counterparty roles. */
    static Set<String> partyRoles(List<RuleLine> lines) {
        Set<String> roles = roles(lines);
        lines.forEach(l -> {
            if (l.counterpartyRole() != null) {
                roles.add(l.counterpartyRole());
            }
        });
        return roles;
    }

    static boolean isTransfer(List<RuleLine> lines) {
        return lines.stream().anyMatch(RuleLine::receipt);
    }
}
