package org.medfund.claims.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medfund.claims.FundPay;
import org.medfund.claims.IntakeRejection;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.RowError;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementRecord;
import org.medfund.claims.SettlingAgency;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;

/**
 * The checks of one intake run that need the registry or stored data: hospital and regions exist and fit together,
 * the caller may submit for the hospital, re-sent and conflicting {@code setl_id}s, reversal targets. Writes each
 * chunk as long as no error has been seen in the run.
 */
final class RowChecks {

    private final Registry registry;
    private final SettlementStore store;
    private final Actor actor;
    private final long batchId;
    private final Map<String, Optional<HospitalContext>> hospitals = new HashMap<>();
    private final Map<String, Boolean> insuranceTypes = new HashMap<>();
    private final Map<String, Boolean> regions = new HashMap<>();
    private final ContentHash contentHash = new ContentHash();
    private Boolean actorIsHospital;
    /** The COPY of the current chunk while it is read (PostgreSQL, no error so far), or null. */
    private SettlementStore.CopyStream stream;
    private boolean streamAbandoned;
    /** setl_id → content hash of the rows streamed in the current chunk. */
    private final Map<String, String> streamed = new HashMap<>();
    private long streamUnchanged;
    private long streamRolledForward;
    private final List<RowError> errors = new ArrayList<>();
    private long errorCount;
    private long rowsTotal;
    private long rowsWritten;
    private long rowsUnchanged;
    private long rowsRolledForward;

    RowChecks(Registry registry, SettlementStore store, Actor actor, long batchId) {
        this.registry = registry;
        this.store = store;
        this.actor = actor;
        this.batchId = batchId;
    }

    /** What intake needs to know about one hospital, looked up once per run. */
    private record HospitalContext(Org org, Set<String> lineage, String settlingRegion, Set<Integer> locked,
                                   boolean inScope) {
    }

    /**
     * Checks a row as soon as it is read and, while it is a plain settlement with no error so far in the run,
     * sends it to PostgreSQL at once, presumed new ({@link SettlementStore.CopyStream}). Any doubt (an error, a
     * reversal, an in-chunk conflict, a setl_id already stored) abandons the streaming of the chunk; {@link
     * #process} then checks the whole chunk the careful way, with its stored rows looked up. Either way the
     * outcome is the same; streaming only saves the lookups and lets the database work while Java parses.
     */
    void stream(RowParser.Parsed p) {
        if (streamAbandoned || errorCount > 0 || !store.isPostgresql()) {
            return;
        }
        if (!p.ok() || p.record() == null) {
            abandonStream();
            return;
        }
        checkHospital(p);
        if (errorCount > 0) {
            // Errors are reported by process(), which checks the chunk again.
            errors.clear();
            rowsWithErrors.clear();
            errorCount = 0;
            abandonStream();
            return;
        }
        SettlementRecord record = p.record();
        String hash = contentHash.of(record);
        String earlier = streamed.putIfAbsent(record.setlId(), hash);
        if (earlier != null) {
            if (!earlier.equals(hash)) {
                abandonStream();
            } else {
                streamUnchanged++;
            }
            return;
        }
        int period = period(record);
        if (period != SettlementStore.period(record.settledMonth())) {
            streamRolledForward++;
        }
        if (stream == null) {
            stream = store.copyStream(batchId);
        }
        if (!stream.write(new SettlementStore.Row(record, period, hash))) {
            abandonStream();
        }
    }

    private void abandonStream() {
        streamAbandoned = true;
        if (stream != null) {
            stream.abandon();
            stream = null;
        }
    }

    /** Cancels the COPY of the current chunk, if any, when the run fails: the transaction then rolls back. */
    void abort() {
        if (stream != null) {
            stream.abort();
            stream = null;
        }
    }

    /** Ends the current chunk's COPY before the connection is used for a lookup. */
    private void pauseStream() {
        if (stream != null && !stream.pause()) {
            abandonStream();
        }
    }

    /** Ends a chunk: keeps its streamed rows when all went in, otherwise checks the chunk against stored rows. */
    void process(List<RowParser.Parsed> chunk) {
        boolean streamedWhole = !streamAbandoned && errorCount == 0 && store.isPostgresql() && !chunk.isEmpty()
                && (stream == null || stream.finish());
        if (streamedWhole) {
            rowsTotal += chunk.size();
            rowsWritten += stream == null ? 0 : stream.rowsSent();
            rowsUnchanged += streamUnchanged;
            rowsRolledForward += streamRolledForward;
        } else {
            if (stream != null) {
                stream.abandon();
            }
            processLookingUp(chunk);
        }
        stream = null;
        streamAbandoned = false;
        streamed.clear();
        streamUnchanged = 0;
        streamRolledForward = 0;
    }

    private void processLookingUp(List<RowParser.Parsed> chunk) {
        rowsTotal += chunk.size();
        for (RowParser.Parsed p : chunk) {
            p.errors().forEach(this::error);
            if (p.ok()) {
                checkHospital(p);
            }
        }
        // Only well-formed rows are looked up: a malformed setl_id (a NUL, say) is already an error of its row.
        Set<String> ids = new HashSet<>();
        for (RowParser.Parsed p : chunk) {
            if (p.ok()) {
                ids.add(p.setlId());
            }
            if (p.ok() && p.reversal() != null) {
                ids.add(p.reversal().targetSetlId());
            }
        }
        Map<String, SettlementStore.Stored> stored = store.find(ids);
        Map<String, SettlementStore.Row> fresh = new LinkedHashMap<>();
        Map<String, String> reversalByTarget = new HashMap<>();
        for (RowParser.Parsed p : chunk) {
            if (p.ok() && !hasErrors(p)) {
                SettlementRecord record = p.record() != null ? p.record()
                        : reversal(p, stored, fresh, reversalByTarget);
                if (record != null) {
                    accept(p, record, stored, fresh);
                }
            }
        }
        if (errorCount == 0) {
            store.write(List.copyOf(fresh.values()), batchId);
            store.markReversed(reversalByTarget);
            rowsWritten += fresh.size();
        }
    }

    private final Set<Long> rowsWithErrors = new HashSet<>();

    private boolean hasErrors(RowParser.Parsed p) {
        return rowsWithErrors.contains(p.row());
    }

    private void error(RowError e) {
        errorCount++;
        rowsWithErrors.add(e.row());
        if (errors.size() < IntakeRejection.ERRORS_REPORTED_MAX) {
            errors.add(e);
        }
    }

    private void error(RowParser.Parsed p, String field, String code, String message) {
        error(new RowError(p.row(), p.setlId(), field, code, message));
    }

    private void checkHospital(RowParser.Parsed p) {
        Optional<HospitalContext> ctx = hospital(p.hospitalCode());
        if (ctx.isEmpty()) {
            error(p, "fixmedins_code", "claims.unknown-hospital", "未登记的定点医药机构：" + p.hospitalCode());
            return;
        }
        HospitalContext h = ctx.get();
        if (!h.inScope()) {
            error(p, "fixmedins_code", "claims.out-of-scope", "无权提交机构 " + h.org().code() + " 的结算记录");
            return;
        }
        SettlementRecord r = p.record();
        if (r == null) {
            return;
        }
        if (!h.lineage().contains(r.treatmentRegion())) {
            error(p, "mdtrtarea_admvs", "claims.region-mismatch", "就医地 " + r.treatmentRegion()
                    + " 不是机构 " + h.org().code() + " 所在统筹区 " + h.org().regionCode());
        }
        if (!r.clearingAgencyRegion().equals(h.settlingRegion())) {
            error(p, "clr_optins", "claims.region-mismatch", "清算经办机构应为 " + h.settlingRegion()
                    + "（该机构由其结算，邯郸办法第十一条）");
        }
        checkInsured(p, r);
        if (!insuranceTypes.computeIfAbsent(r.insuranceType(),
                code -> lookup(() -> registry.insuranceType(code).isPresent()))) {
            error(p, "insutype", "claims.unknown-insutype", "未登记的险种：" + r.insuranceType());
        }
    }

    /** pay_loc must agree with the regions: cross-province ⇔ the insured region lies in another province. */
    private void checkInsured(RowParser.Parsed p, SettlementRecord r) {
        boolean sameProvince = r.insuredRegion().regionMatches(0, r.treatmentRegion(), 0, 2);
        if (r.place() == PlaceOfSettlement.CROSS_PROVINCE && sameProvince) {
            error(p, "pay_loc", "claims.pay-loc-mismatch", "参保地 " + r.insuredRegion() + " 与就医地同省，不是省外异地");
        } else if (r.place() != PlaceOfSettlement.CROSS_PROVINCE && !sameProvince) {
            error(p, "pay_loc", "claims.pay-loc-mismatch", "参保地 " + r.insuredRegion() + " 在外省，应为省外异地（4）");
        } else if (sameProvince && !regions.computeIfAbsent(r.insuredRegion(),
                code -> lookup(() -> registry.region(code).isPresent()))) {
            error(p, "insuplc_admdvs", "claims.unknown-region", "未登记的参保地区划：" + r.insuredRegion());
        }
    }

    /** Registry and store lookups are cached per run; a miss may need the connection, busy with a COPY. */
    private <T> T lookup(java.util.function.Supplier<T> query) {
        pauseStream();
        return query.get();
    }

    private Optional<HospitalContext> hospital(String code) {
        Optional<HospitalContext> known = hospitals.get(code);
        if (known != null) {
            return known;
        }
        Optional<HospitalContext> found = lookup(() -> registry.org(code).filter(Org::isHospital).map(org -> {
            Set<String> lineage = new HashSet<>();
            registry.lineage(org.regionCode()).stream().map(Region::code).forEach(lineage::add);
            return new HospitalContext(org, lineage, SettlingAgency.regionCode(registry, org),
                    store.lockedPeriods(org.code()), inScope(org));
        }));
        hospitals.put(code, found);
        return found;
    }

    /** The caller may submit for the hospital: within its scope, and a hospital only for itself. */
    private boolean inScope(Org hospital) {
        if (actorIsHospital == null) {
            actorIsHospital = actor.orgCode() != null
                    && registry.org(actor.orgCode()).map(Org::isHospital).orElse(false);
        }
        return registry.canSeeOrg(actor, hospital.code())
                && !(actorIsHospital && !actor.orgCode().equals(hospital.code()));
    }

    private SettlementRecord reversal(RowParser.Parsed p, Map<String, SettlementStore.Stored> stored,
                                      Map<String, SettlementStore.Row> fresh, Map<String, String> reversalByTarget) {
        RowParser.Reversal rev = p.reversal();
        SettlementRecord target = null;
        String reversedBy = null;
        if (stored.containsKey(rev.targetSetlId())) {
            target = stored.get(rev.targetSetlId()).record();
            reversedBy = stored.get(rev.targetSetlId()).reversedBy();
        } else if (fresh.containsKey(rev.targetSetlId())) {
            target = fresh.get(rev.targetSetlId()).record();
        }
        // Another hospital's record is answered as if it did not exist: nothing about it may leak (issue 11 #7).
        if (target != null && !target.hospitalCode().equals(rev.hospitalCode())) {
            target = null;
        }
        if (target == null) {
            error(p, "refd_setl_id", "claims.reversal-target-missing", "被冲正的结算记录不存在：" + rev.targetSetlId());
            return null;
        }
        if (stored.containsKey(rev.setlId())) {
            // A re-sent reversal: its content is compared like any other record's.
            reversedBy = null;
        } else if (reversedBy != null || reversalByTarget.containsKey(rev.targetSetlId())) {
            error(p, "refd_setl_id", "claims.already-reversed", "结算记录 " + rev.targetSetlId() + " 已被冲正");
            return null;
        }
        if (target.isReversal()) {
            error(p, "refd_setl_id", "claims.reversal-of-reversal", "不能冲正一条冲正记录");
            return null;
        }
        if (rev.settledAt().isBefore(target.settledAt())) {
            error(p, "setl_time", "claims.bad-time", "冲正时间早于原结算时间");
            return null;
        }
        if (!matchesTarget(p, target)) {
            return null;
        }
        if (!stored.containsKey(rev.setlId())) {
            reversalByTarget.put(rev.targetSetlId(), rev.setlId());
        }
        return negated(target, rev);
    }

    /** Fields a reversal row repeats must equal the reversed record's (amounts as the original, positive). */
    private boolean matchesTarget(RowParser.Parsed p, SettlementRecord target) {
        Map<String, String> targetText = SettlementFields.text(target);
        Set<String> own = Set.of("setl_id", "setl_time", "refd_setl_id");
        boolean ok = true;
        for (String field : SettlementFields.ALL) {
            String given = RowParser.value(p.raw(), field);
            if (own.contains(field) || given.isEmpty()) {
                continue;
            }
            String expected = targetText.get(field);
            boolean same = SettlementFields.AMOUNTS.contains(field)
                    ? org.medfund.common.Money.ofYuan(given).equals(org.medfund.common.Money.ofYuan(expected))
                    : given.equals(expected);
            if (!same) {
                error(p, field, "claims.reversal-mismatch", "冲正记录的 " + field + " 应与原记录一致：" + expected);
                ok = false;
            }
        }
        return ok;
    }

    private static SettlementRecord negated(SettlementRecord t, RowParser.Reversal rev) {
        SettlementRecord.Visit visit = new SettlementRecord.Visit(rev.setlId(), t.visitId(), t.personNo(),
                t.hospitalCode(), t.insuranceType(), t.medicalType(), rev.settledAt());
        return new SettlementRecord(visit, t.clearing(), t.amounts().negate(),
                t.fundDetail().stream().map(d -> new FundPay(d.fundPayType(), d.amount().negate())).toList(),
                t.setlId());
    }

    private void accept(RowParser.Parsed p, SettlementRecord record, Map<String, SettlementStore.Stored> stored,
                        Map<String, SettlementStore.Row> fresh) {
        String hash = contentHash.of(record);
        SettlementStore.Stored earlier = stored.get(record.setlId());
        if (earlier != null && !earlier.record().hospitalCode().equals(record.hospitalCode())) {
            // setl_id is a national key: it cannot be taken twice, but whose it is and what it holds stays hidden
            // (issue 11 #7: another hospital's setl_id could be probed through the conflict's text).
            error(p, "setl_id", "claims.setl-id-unavailable", "结算ID " + record.setlId()
                    + " 不能使用，请核对本机构的结算ID（全国唯一）");
            return;
        }
        SettlementStore.Row inBatch = fresh.get(record.setlId());
        String earlierHash = earlier != null ? earlier.contentHash() : inBatch != null ? inBatch.contentHash() : null;
        if (earlierHash != null) {
            if (earlierHash.equals(hash)) {
                rowsUnchanged++;
            } else {
                error(p, "setl_id", "claims.setl-id-conflict", "结算ID " + record.setlId() + " 已存在且内容不同");
            }
            return;
        }
        int period = period(record);
        if (period != SettlementStore.period(record.settledMonth())) {
            rowsRolledForward++;
        }
        fresh.put(record.setlId(), new SettlementStore.Row(record, period, hash));
    }

    /**
     * The period the record goes into: its month, or the next month not yet applied for — a reconciled month never
     * changes (docs/decisions.md claims; Hainan's hainan-2020 art. 16 says so of late uploads, Henan's notice is silent).
     */
    private int period(SettlementRecord record) {
        HospitalContext h = hospital(record.hospitalCode()).orElseThrow();
        int settled = SettlementStore.period(record.settledMonth());
        int period = settled;
        while (h.locked().contains(period)) {
            period = SettlementStore.period(SettlementStore.month(period).plusMonths(1));
        }
        return period;
    }

    List<RowError> errors() {
        return errors;
    }

    long errorCount() {
        return errorCount;
    }

    long rowsTotal() {
        return rowsTotal;
    }

    long rowsWritten() {
        return rowsWritten;
    }

    long rowsUnchanged() {
        return rowsUnchanged;
    }

    long rowsRolledForward() {
        return rowsRolledForward;
    }
}
