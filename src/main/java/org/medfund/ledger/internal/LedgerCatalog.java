package org.medfund.ledger.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.ledger.BookType;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chart of accounts and the posting rules, loaded once from their data files. After start-up the chart is
 * copied into table {@code ledger_account} (inserting new accounts, updating changed ones), so that SQL reports and
 * auditors see the same chart the code checks against. Never lazy: CLI runs initialise beans lazily, and the copy must
 * be current before any command posts.
 */
@Component
@Lazy(false)
class LedgerCatalog implements SmartInitializingSingleton {

    private final Chart chart = Chart.load();
    private final PostingRules rules = PostingRules.load(chart);
    private final JdbcClient jdbc;

    LedgerCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Chart chart() {
        return chart;
    }

    PostingRules rules() {
        return rules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<StoredKey, StoredAccount> stored = new HashMap<>();
        jdbc.sql("select book_type, code, name, normal_side, negative_rule, memo_account from ledger_account")
                .query(rs -> {
                    stored.put(new StoredKey(rs.getString(1), rs.getString(2)), new StoredAccount(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                });
        for (BookType type : BookType.values()) {
            for (AccountDef a : chart.accounts(type)) {
                String side = a.debitNormal() ? "D" : "C";
                StoredAccount wanted = new StoredAccount(a.name(), side, a.negativeRule().code(), a.memo());
                StoredAccount have = stored.get(new StoredKey(type.name(), a.code()));
                if (wanted.equals(have)) {
                    continue;
                }
                String sql = have == null
                        ? """
                          insert into ledger_account (name, parent_code, normal_side, negative_rule, memo_account,
                                                      book_type, code)
                          values (:name, :parent, :side, :negative, :memo, :type, :code)"""
                        : """
                          update ledger_account set name = :name, parent_code = :parent, normal_side = :side,
                                 negative_rule = :negative, memo_account = :memo
                          where book_type = :type and code = :code""";
                jdbc.sql(sql).param("name", a.name()).param("parent", a.parentCode()).param("side", side)
                        .param("negative", a.negativeRule().code()).param("memo", a.memo())
                        .param("type", type.name()).param("code", a.code()).update();
            }
        }
    }

    /** The key of a row of {@code ledger_account}. */
    private record StoredKey(String bookType, String code) {
    }

    /** The columns of a {@code ledger_account} row the chart decides (besides the parent). */
    private record StoredAccount(String name, String normalSide, String negativeRule, boolean memo) {
    }

    /** Account codes of a book type, for listings. */
    List<AccountDef> accounts(BookType type) {
        return chart.accounts(type);
    }
}
