package org.medfund.ledger.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Transfer;
import org.medfund.ledger.TransferStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transfers between organisations: what the payer posted, kept so the payee side can be posted from the same
 * event when the receipt is confirmed. Parties are stored as "role=code" pairs joined by ';'.
 */
@Component
class TransferStore {

    private static final String COLUMNS = """
            transfer_id, rule_type, amount_fen, parties, status, sent_on, received_on, dim_period, insurance_type,
            document_type, document_id, pack_id, article, memo""";

    private final JdbcClient jdbc;

    TransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(BusinessEvent e) {
        StringBuilder parties = new StringBuilder();
        new TreeMap<>(e.parties()).forEach((role, code) ->
                parties.append(parties.length() == 0 ? "" : ";").append(role).append('=').append(code));
        jdbc.sql("insert into ledger_transfer (" + COLUMNS + ") values (:id, :rule, :amount, :parties, :status, "
                        + ":sentOn, null, :period, :insurance, :docType, :docId, :pack, :article, :memo)")
                .param("id", e.requestId()).param("rule", e.type()).param("amount", e.amount().fen())
                .param("parties", parties.toString()).param("status", TransferStatus.IN_TRANSIT.name())
                .param("sentOn", Date.valueOf(e.date()))
                .param("period", e.period() == null ? null : e.period().toString())
                .param("insurance", e.insuranceType()).param("docType", e.documentType())
                .param("docId", e.documentId()).param("pack", e.packId()).param("article", e.article())
                .param("memo", e.memo())
                .update();
    }

    Optional<Transfer> find(String transferId) {
        return jdbc.sql("select " + COLUMNS + " from ledger_transfer where transfer_id = :id")
                .param("id", transferId).query(TransferStore::transfer).optional();
    }

    /** Transfers in a status, oldest first, at most {@code limit}. */
    List<Transfer> withStatus(TransferStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from ledger_transfer where status = :status "
                        + "order by sent_on, transfer_id limit :limit")
                .param("status", status.name()).param("limit", limit).query(TransferStore::transfer).list();
    }

    List<Transfer> all() {
        return jdbc.sql("select " + COLUMNS + " from ledger_transfer order by transfer_id")
                .query(TransferStore::transfer).list();
    }

    /** The event that sent a transfer, re-dated for the receipt and carrying the receipt's request id. */
    BusinessEvent event(String transferId, LocalDate receivedOn, String requestId) {
        return jdbc.sql("select " + COLUMNS + " from ledger_transfer where transfer_id = :id")
                .param("id", transferId)
                .query((rs, n) -> new BusinessEvent(rs.getString(2), requestId, receivedOn,
                        rs.getString(8) == null ? null : YearMonth.parse(rs.getString(8)),
                        Money.ofFen(rs.getLong(3)), parties(rs.getString(4)), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)))
                .single();
    }

    void markReceived(String transferId, LocalDate receivedOn) {
        int updated = jdbc.sql("update ledger_transfer set status = :received, received_on = :on "
                        + "where transfer_id = :id and status = :inTransit")
                .param("received", TransferStatus.RECEIVED.name()).param("on", Date.valueOf(receivedOn))
                .param("id", transferId).param("inTransit", TransferStatus.IN_TRANSIT.name()).update();
        if (updated != 1) {
            throw Rejection.conflict("ledger.transfer-received", "transferId", "该划款已确认到账: " + transferId);
        }
    }

    static Map<String, String> parties(String text) {
        Map<String, String> parties = new TreeMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            parties.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return parties;
    }

    private static Transfer transfer(ResultSet rs, int n) throws SQLException {
        Date received = rs.getDate(7);
        return new Transfer(rs.getString(1), rs.getString(2), Money.ofFen(rs.getLong(3)), parties(rs.getString(4)),
                TransferStatus.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(), received == null ? null : received.toLocalDate(),
                rs.getString(10), rs.getString(11), rs.getString(14));
    }
}
