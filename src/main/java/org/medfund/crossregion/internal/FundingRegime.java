package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.medfund.calendar.DeadlineRule;
import org.medfund.common.Rejection;
import org.medfund.policy.Parameter;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;

/**
 * The funding rules of the pack in force for a province on a date: the pack that defines the resident reserve
 * formula (henan-2023 一(二)), and only that pack version's other cross-region funding parameters. Each accessor
 * names the parameter it reads (PackParametersTest finds unread ones).
 */
record FundingRegime(PolicyPack pack) {

    static final String RESERVE_FORMULA = "crossregion.resident-reserve-formula";
    static final String RESERVE_CHECK = "crossregion.resident-reserve-check";
    static final String RESERVE_SPLIT = "crossregion.reserve-split";
    static final String NOTICE_BY = "crossregion.employee-remittance-notice-by";
    static final String REMIT_MONTHS = "crossregion.employee-remittance-months";
    static final String REMIT_WITHIN = "crossregion.employee-remit-within-working-days";
    static final String PREPAYMENT_MONTHS = "crossregion.employee-prepayment-months";

    static FundingRegime resolve(PolicyPacks packs, String provinceCode, LocalDate date) {
        Resolved formula = packs.find(provinceCode, date, RESERVE_FORMULA).orElseThrow(() -> new Rejection(
                "crossregion.no-funding-regime", "org", "本省在 " + date + " 没有生效的异地就医资金“预留+清算”政策"));
        FundingRegime regime = new FundingRegime(packs.packInForce(formula.packId(), date).orElseThrow());
        if (!ReservePlusClearing.RESERVE_FORMULA.equals(regime.require(RESERVE_FORMULA).value())) {
            throw new IllegalStateException("unknown reserve formula in " + regime.pack.label());
        }
        if (!ReservePlusClearing.SPLIT_BY_COST_SHARE.equals(regime.require(RESERVE_SPLIT).value())) {
            throw new IllegalStateException("unknown reserve split in " + regime.pack.label());
        }
        if (!"monthly".equals(regime.require(RESERVE_CHECK).value())) {
            throw new IllegalStateException("unknown reserve check cycle in " + regime.pack.label());
        }
        return regime;
    }

    String packId() {
        return pack.id();
    }

    int packVersion() {
        return pack.version();
    }

    /** "henan-2023 v1, henan-2023 一(二)". */
    String citation(String rule) {
        return pack.id() + " v" + pack.version() + ", " + require(rule).article();
    }

    /** The document number and article staff see: "豫财社〔2023〕178号 一(二)". */
    String staffCitation(String rule) {
        String article = require(rule).article();
        return pack.documentNo() + " " + article.substring(article.indexOf(' ') + 1);
    }

    int remitMonths() {
        return require(REMIT_MONTHS).integer();
    }

    int remitWithinWorkingDays() {
        return require(REMIT_WITHIN).integer();
    }

    int prepaymentMonths() {
        return require(PREPAYMENT_MONTHS).integer();
    }

    DeadlineRule noticeBy() {
        return require(NOTICE_BY).deadline();
    }

    Optional<DeadlineRule> deadline(String rule) {
        return Optional.ofNullable(pack.parameters().get(rule)).map(Parameter::deadline);
    }

    private Parameter require(String rule) {
        Parameter p = pack.parameters().get(rule);
        if (p == null) {
            throw new IllegalStateException(pack.label() + " lacks " + rule);
        }
        return p;
    }
}
