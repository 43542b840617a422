package org.medfund.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Rejection;
import tools.jackson.databind.JsonNode;

/**
 * The JSON form of a settlement batch: {@code {"settlements": [{"setl_id": "…", "medfee_sumamt": 1000.00, …,
 * "setldetail": [{"fund_pay_type": "310100", "fund_payamt": 650.00}]}]}}. Amounts may be JSON numbers or strings
 * and are read as exact decimals (the mapper must read floats as BigDecimal); every other field is a JSON string.
 */
public final class SettlementJson {

    private SettlementJson() {
    }

    public static List<Map<String, String>> rows(JsonNode body) {
        JsonNode list = body == null || !body.isObject() ? null : body.get("settlements");
        if (list == null || !list.isArray()) {
            throw new Rejection("claims.bad-body", "settlements", "请求体须为 {\"settlements\": [ … ]}", 400);
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("settlements")) {
                throw new Rejection("claims.unknown-field", name, "未知字段：" + name, 400);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw new Rejection("claims.bad-body", "settlements", "每条结算记录须为 JSON 对象", 400);
            }
            Map<String, String> row = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                String name = field.getKey();
                if (!SettlementFields.ALL.contains(name)) {
                    throw new Rejection("claims.unknown-field", name, "未知字段：" + name, 400);
                }
                row.put(name, name.equals("setldetail") ? detail(field.getValue())
                        : text(field.getValue(), name, SettlementFields.AMOUNTS.contains(name)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String detail(JsonNode node) {
        if (node.isNull()) {
            return "";
        }
        if (node.isString()) {
            return node.asString();
        }
        if (!node.isArray()) {
            throw new Rejection("claims.bad-body", "setldetail", "setldetail 须为数组", 400);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode line : node) {
            if (!line.isObject()) {
                throw new Rejection("claims.bad-body", "setldetail", "setldetail 的每一项须为 {fund_pay_type, fund_payamt}",
                        400);
            }
            for (String name : line.propertyNames()) {
                if (!name.equals("fund_pay_type") && !name.equals("fund_payamt")) {
                    throw new Rejection("claims.unknown-field", "setldetail." + name, "未知字段：setldetail." + name,
                            400);
                }
            }
            parts.add(text(line.get("fund_pay_type"), "setldetail.fund_pay_type", false) + ":"
                    + text(line.get("fund_payamt"), "setldetail.fund_payamt", true));
        }
        return String.join("|", parts);
    }

    /**
     * A field's text: a JSON string, or for an amount also a JSON number (read exactly). Anything else (true, an
     * array, an object) is refused naming the field rather than turned into text.
     */
    private static String text(JsonNode node, String field, boolean amount) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isNumber() && amount) {
            return node.decimalValue().toPlainString();
        }
        if (!node.isString()) {
            throw new Rejection("claims.bad-value", field, field + (amount ? " 须为金额（数字或文本）" : " 须为文本（JSON 字符串）"),
                    400);
        }
        return node.asString();
    }
}
