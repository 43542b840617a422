package org.medfund.crossregion;

import org.medfund.common.Money;

/**
 * One itemised fee detail sent after the settlement (guizhou-2017 三(二): 费用明细信息延后传输).
 *
 * @param detailNo the hospital's detail serial number ({@code feedetl_sn})
 */
public record FeeDetail(String detailNo, String itemCode, String itemName, FeeCategory category,
                        CatalogueClass catalogueClass, Money amount) {
}
