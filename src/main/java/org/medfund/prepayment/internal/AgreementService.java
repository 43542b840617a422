package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Rejection;
import org.medfund.prepayment.Agreement;
import org.medfund.prepayment.AgreementRecord;
import org.medfund.prepayment.Agreements;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Agreements}: service agreements (服务协议) with their prepayment terms: no prepayment without one in force (henan-2023 二(二) last
 * paragraph, xinyang-2025 art. 18). A clerk records an agreement or a new version of it (an end date, a correction) with
 * the evidence seen; a different reviewer confirms it, and only then does it count. Confirming a version that ends
 * the hospital's last agreement takes the hospital out of the prepayment scope, and what it holds is recovered under
 * its regime's rule ({@link RecoveryService#leaveScope}).
 */
@Service
class AgreementService implements Agreements {

    /** Agreement numbers and terms longer than this are refused. */
    static final int AGREEMENT_NO_CHARS_MAX = 60;
    static final int TERMS_CHARS_MAX = 2000;

    private final PrepaymentService prepayments;
    private final RecoveryService recoveries;
    private final Registry registry;
    private final AgreementStore store;

    AgreementService(PrepaymentService prepayments, RecoveryService recoveries, Registry registry,
                     AgreementStore store) {
        this.prepayments = prepayments;
        this.recoveries = recoveries;
        this.registry = registry;
        this.store = store;
    }

    /** A clerk records an agreement (or a new version of one); it waits for a reviewer. Idempotent per request id. */
    @Override
    @Transactional
    public AgreementRecord record(Agreement agreement, String evidence, Actor actor, String requestId) {
        Access.requireRole(actor, Role.CLERK);
        if (agreement.hospitalCode() == null || agreement.hospitalCode().isBlank()) {
            throw new Rejection("prepayment.hospital-missing", "hospitalCode", "须指定定点医疗机构");
        }
        prepayments.requireStaff(actor, agreement.hospitalCode());
        Org hospital = registry.requireOrg(agreement.hospitalCode(), "hospitalCode");
        if (!hospital.isHospital()) {
            throw new Rejection("prepayment.not-hospital", "hospitalCode", hospital.name() + " 不是定点医疗机构");
        }
        check(agreement);
        Access.requireEvidence(evidence);
        return store.record(store.insert(agreement, evidence.strip(), actor.userId(),
                Access.requestId(requestId))).orElseThrow();
    }

    private static void check(Agreement agreement) {
        if (agreement.agreementNo() == null || agreement.agreementNo().isBlank()
                || agreement.agreementNo().length() > AGREEMENT_NO_CHARS_MAX) {
            throw new Rejection("prepayment.agreement-no", "agreementNo", "须填写协议编号（至多 60 字符）");
        }
        if (agreement.validFrom() == null) {
            throw new Rejection("prepayment.agreement-dates", "validFrom", "须填写协议生效日期");
        }
        if (agreement.validUntil() != null && agreement.validUntil().isBefore(agreement.validFrom())) {
            throw new Rejection("prepayment.agreement-dates", "validUntil", "协议终止日期不能早于生效日期");
        }
        if (agreement.prepaymentTerms() == null || agreement.prepaymentTerms().isBlank()
                || agreement.prepaymentTerms().length() > TERMS_CHARS_MAX) {
            throw new Rejection("prepayment.agreement-terms", "prepaymentTerms", "服务协议须明确预付金条款（至多 2000 字）");
        }
        if (agreement.medicalCommunity() && (agreement.communityFactor() == null
                || agreement.communityFactor().signum() <= 0)) {
            throw new Rejection("prepayment.community-factor", "communityFactor",
                    "县域紧密型医共体成员须在协议中约定预拨倍数");
        }
    }

    /**
     * A reviewer other than the recording clerk confirms a recorded version; from then it is the version in force.
     * When it ends the hospital's last agreement by {@code date}, the hospital leaves the prepayment scope and its
     * balances are recovered. Confirming again changes nothing.
     */
    @Override
    @Transactional
    public AgreementRecord confirm(long id, LocalDate date, Actor actor) {
        AgreementRecord recorded = require(id, actor);
        Access.requireRole(actor, Role.REVIEWER);
        if (recorded.review().confirmed()) {
            return recorded;
        }
        if (actor.userId().equals(recorded.review().recordedBy())) {
            throw Rejection.forbidden("prepayment.maker-checker", "id", "复核人不能与登记人为同一人");
        }
        store.confirm(id, actor.userId());
        Agreement agreement = recorded.agreement();
        LocalDate end = agreement.validUntil();
        if (end != null && !end.isAfter(date) && store.inForce(agreement.hospitalCode(),
                end.plusDays(1)).isEmpty()) {
            recoveries.leaveScope(agreement.hospitalCode(), "服务协议 " + agreement.agreementNo() + " 于 " + end
                    + " 终止（登记 " + recorded.review().recordedBy() + "，复核 " + actor.userId() + "）：" + recorded.evidence(),
                    date, actor);
        }
        return store.record(id).orElseThrow();
    }

    /** Every recorded version of a hospital's agreements, newest first. */
    @Override
    public List<AgreementRecord> records(String hospitalCode, Actor actor) {
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "hospitalCode", "无权查看该医疗机构");
        }
        return store.records(hospitalCode);
    }

    /** Recorded versions waiting for a reviewer, of the hospitals the actor may see. */
    @Override
    public List<AgreementRecord> pending(Actor actor) {
        return store.pending().stream()
                .filter(r -> registry.canSeeOrg(actor, r.agreement().hospitalCode())).toList();
    }

    /** The confirmed agreement in force on a date, if any. */
    @Override
    public Optional<Agreement> inForce(String hospitalCode, LocalDate date) {
        return store.inForce(hospitalCode, date);
    }

    private AgreementRecord require(long id, Actor actor) {
        return store.record(id).filter(r -> registry.canSeeOrg(actor, r.agreement().hospitalCode()))
                .orElseThrow(() -> Rejection.notFound("prepayment.agreement-not-found", "id", "协议登记 " + id
                        + " 不存在"));
    }
}
