package org.medfund.crossregion.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeDetail;
import org.medfund.crossregion.FeeLine;

/**
 * Fee details sent after the settlement (guizhou-2017 三(二): 明细信息延后传输) match it when, for every national category
 * and catalogue class, the items add up to the settled line to the fen; a detail of a category or class the bill did
 * not have is a mismatch too.
 */
final class DetailMatch {

    static final int ID_LENGTH_MAX = 40;
    static final int CODE_LENGTH_MAX = 50;
    static final int NAME_LENGTH_MAX = 200;

    private DetailMatch() {
    }

    private record Bucket(FeeCategory category, CatalogueClass catalogueClass) {
    }

    static void check(List<FeeLine> lines, List<FeeDetail> details) {
        Map<Bucket, Money> settled = new LinkedHashMap<>();
        for (FeeLine line : lines) {
            settled.merge(new Bucket(line.category(), line.catalogueClass()), line.amount(), Money::plus);
        }
        Map<Bucket, Money> itemised = new LinkedHashMap<>();
        for (int i = 0; i < details.size(); i++) {
            FeeDetail d = details.get(i);
            String field = "details[" + i + "]";
            if (d.detailNo() == null || d.detailNo().isBlank() || d.detailNo().length() > ID_LENGTH_MAX
                    || d.itemCode() == null || d.itemCode().isBlank() || d.itemCode().length() > CODE_LENGTH_MAX
                    || d.itemName() == null || d.itemName().isBlank() || d.itemName().length() > NAME_LENGTH_MAX
                    || d.category() == null || d.catalogueClass() == null || d.amount() == null
                    || d.amount().isNegative()) {
                throw new Rejection("crossregion.detail-invalid", field,
                        "明细须有流水号、项目编码、项目名称、大类、目录类别和不为负的金额");
            }
            itemised.merge(new Bucket(d.category(), d.catalogueClass()), d.amount(), Money::plus);
        }
        for (Map.Entry<Bucket, Money> entry : itemised.entrySet()) {
            settled.putIfAbsent(entry.getKey(), Money.ZERO);
        }
        for (Map.Entry<Bucket, Money> entry : settled.entrySet()) {
            Money items = itemised.getOrDefault(entry.getKey(), Money.ZERO);
            if (!items.equals(entry.getValue())) {
                throw new Rejection("crossregion.details-mismatch", "details", entry.getKey().category().label()
                        + "（" + entry.getKey().catalogueClass().label() + "）明细合计 " + items.toYuanText()
                        + " 元，与结算时的 " + entry.getValue().toYuanText() + " 元不符");
            }
        }
    }
}
