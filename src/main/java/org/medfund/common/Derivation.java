package org.medfund.common;

import java.util.List;

/**
 * How a computed amount came about, so a clerk can explain it to a hospital: the inputs, the formula in words, the
 * policy article it implements and the result. Stored as JSON next to the amount it explains.
 *
 * @param formula e.g. "1.5 × 上年统筹基金实际发生金额月均值"
 * @param citation the policy pack and article, e.g. "henan-2023 v1, henan-2023 二(二)"
 */
public record Derivation(String formula, List<Input> inputs, String citation, Money result) {

    public Derivation {
        inputs = List.copyOf(inputs);
    }

    /** One named input: an amount, or a plain value such as a factor or a month count. */
    public record Input(String name, String value) {

        public static Input money(String name, Money amount) {
            return new Input(name, amount.toYuanText());
        }
    }

    /** One line of text: "formula = result (citation); name = value; …". */
    public String explain() {
        StringBuilder text = new StringBuilder(formula).append(" = ").append(result.toYuanText())
                .append(" 元（").append(citation).append('）');
        for (Input input : inputs) {
            text.append("；").append(input.name()).append(" = ").append(input.value());
        }
        return text.toString();
    }
}
