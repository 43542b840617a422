package org.medfund.settlement;

import java.util.List;
import org.medfund.notices.PaymentFiles;

/**
 * The bank file (网上支付文件) of a payment batch in the shared layout of {@link PaymentFiles}: one row per hospital
 * and insurance type with a positive net that is not held ({@link PaymentHolds}), with the 摘要 naming period,
 * insurance type and content (henan-2023 四(二)).
 */
public final class BankFiles {

    private BankFiles() {
    }

    public static byte[] csv(PaymentBatch batch) {
        return PaymentFiles.csv(payments(batch));
    }

    public static byte[] xlsx(PaymentBatch batch) {
        return PaymentFiles.xlsx(batch.cycle() + (batch.kind() == BatchKind.FALLBACK ? " 预拨" : " 结算"),
                payments(batch));
    }

    /** The lines the file pays: payable ones, in the batch's order. */
    static List<PaymentFiles.Payment> payments(PaymentBatch batch) {
        return batch.lines().stream().filter(PaymentBatch.Line::payable)
                .map(l -> new PaymentFiles.Payment(l.payeeName(), l.bankName(), l.accountNo(), l.net(), l.memo(),
                        l.hospitalCode(), l.insutype()))
                .toList();
    }
}
