package org.medfund.prepayment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.notices.Notice;
import org.medfund.notices.NoticePrinter;
import org.medfund.notices.Party;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * Prepayment's printable notices: the 预付金收回通知书 of one recovery (xinyang-2025 art. 6(五), 10, 11; henan-2023
 * 二(二) 轧差) and the annual public disclosure (xinyang-2025 art. 19). Each is gathered through the prepayment
 * facades with the caller as actor, so it is scoped like the page it is printed from; {@link NoticePrinter} lays it
 * out. The notice records live here, beside the assembly; states print their enums' labels.
 */
@Service
public class PrepaymentNotices {

    /** The pack whose articles the disclosure notice cites (xinyang-2025). */
    static final String XINYANG = "xinyang-2025";

    private final Prepayments prepayments;
    private final Recoveries recoveries;
    private final Registry registry;
    private final PolicyPacks policy;
    private final NoticePrinter printer;
    private final Clock clock;

    PrepaymentNotices(Prepayments prepayments, Recoveries recoveries, Registry registry, PolicyPacks policy,
                      NoticePrinter printer, Clock clock) {
        this.prepayments = prepayments;
        this.recoveries = recoveries;
        this.registry = registry;
        this.policy = policy;
        this.printer = printer;
        this.clock = clock;
    }

    /**
     * 预付金收回通知书: the agency tells a hospital what prepayment it recovers, why (xinyang-2025 art. 10 trigger, art.
     * 6(五) year-end clearing or Henan's 轧差), by when to return it to which account, and that offsets from
     * settlements follow otherwise.
     *
     * @param basis the reason as a clerk cites it: document number and article
     * @param returnAccount the payer's expenditure account (支出户) the money goes back to; null if none is registered
     */
    public record RecoveryNotice(String number, Party hospital, Party payer, String fund,
                                 Recovery recovery, String basis, Account returnAccount,
                                 LocalDate printedOn) {
    }

    /** The annual public disclosure of prepayments (xinyang-2025 art. 19) as a printable sheet. */
    public record DisclosureNotice(int year, Party publisher, String basis, List<DisclosureLine> lines,
                                   LocalDate printedOn) {

        public DisclosureNotice {
            lines = List.copyOf(lines);
        }

        /** Totals of the sheet, printed with their 大写 so a signed copy cannot be altered unnoticed. */
        public Money totalSized() {
            return lines.stream().map(DisclosureLine::sized).reduce(Money.ZERO, Money::plus);
        }

        public Money totalDisbursed() {
            return lines.stream().map(DisclosureLine::disbursed).reduce(Money.ZERO, Money::plus);
        }

        public Money totalRecovered() {
            return lines.stream().map(DisclosureLine::recovered).reduce(Money.ZERO, Money::plus);
        }
    }

    /** 预付金收回通知书 of one recovery, reached through the prepayment it belongs to (scoped like that page). */
    public RecoveryNotice recoveryNotice(Actor actor, String prepaymentId, String recoveryId) {
        Prepayment row = prepayments.prepayment(prepaymentId, actor);
        Recovery recovery = recoveries.recoveries(row.hospitalCode(), actor).stream()
                .filter(r -> r.id().equals(recoveryId)).findFirst()
                .orElseThrow(() -> Rejection.notFound("notices.recovery-not-found", "recoveryId",
                        "收回事项 " + recoveryId + " 不存在"));
        Account expenditure = registry.accounts(recovery.payerOrgCode()).stream()
                .filter(a -> a.kind() == AccountKind.EXPENDITURE)
                .filter(a -> a.insuranceType() == null || a.insuranceType().equals(recovery.insuranceType()))
                .findFirst().orElse(null);
        return new RecoveryNotice("SH-" + recovery.id(), party(recovery.hospitalCode()),
                party(recovery.payerOrgCode()), fundName(recovery.insuranceType()), recovery,
                basis(row.packId(), recovery), expenditure, LocalDate.now(clock));
    }

    public Notice recoveryNoticePdf(Actor actor, String prepaymentId, String recoveryId) {
        return printer.print("recovery-notice", Map.of("n", recoveryNotice(actor, prepaymentId, recoveryId)),
                "recovery-notice-" + recoveryId + ".pdf");
    }

    /** The art. 19 disclosure of a year, the lines the actor may see (the same as the disclosure page). */
    public DisclosureNotice disclosure(Actor actor, int year) {
        return new DisclosureNotice(year, party(actor.orgCode()), document(XINYANG) + " 第十九条",
                prepayments.disclosure(year, actor), LocalDate.now(clock));
    }

    public Notice disclosurePdf(Actor actor, int year) {
        return printer.print("disclosure", Map.of("n", disclosure(actor, year), "funds", fundNames()), "prepayment-disclosure-" + year + ".pdf");
    }

    private String basis(String packId, Recovery recovery) {
        String document = document(packId);
        return switch (recovery.reason()) {
            case TRIGGER -> document + " 第十条（" + item(recovery.trigger().article()) + "）："
                    + recovery.trigger().text();
            case CLEARING -> document + " 第六条（五）：年度清算，结算费用不能全额冲抵的全额交回";
            case SCOPE_EXIT -> document + " 二（二）：服务协议终止，退出预拨范围，收回预付金";
            default -> document + " 二（二）：年度重新核定，按上年预拨金额轧差";
        };
    }

    /** "七" from "xinyang-2025 art. 10(七)". */
    private static String item(String article) {
        int open = article.lastIndexOf('(');
        return article.substring(open + 1, article.length() - 1);
    }

    /** The document number of a pack (信医保办〔2025〕7号), as a clerk cites the document. */
    private String document(String packId) {
        return policy.pack(packId).map(PolicyPack::documentNo).orElse(packId);
    }

    private Party party(String orgCode) {
        return new Party(orgCode, registry.org(orgCode).map(Org::name).orElse(orgCode));
    }

    private String fundName(String insuranceType) {
        return registry.insuranceType(insuranceType).map(t -> t.name()).orElse(insuranceType);
    }

    private Map<String, String> fundNames() {
        Map<String, String> names = new HashMap<>();
        registry.insuranceTypes().forEach(t -> names.put(t.code(), t.name()));
        return names;
    }
}
