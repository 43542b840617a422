package org.medfund.cli.settlement;

import org.medfund.cli.NestedSubcommand;
import java.nio.file.Path;
import java.time.YearMonth;
import org.medfund.claims.SyntheticSettlements;
import org.medfund.claims.SettlingAgency;
import org.medfund.common.Rejection;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund generate settlements --hospital CODE --month 2026-09 --rows N --out FILE.csv}: a realistic month of
 * one hospital's settlements (outpatient/inpatient/pharmacy and employee/resident mix, see SyntheticSettlements), in
 * the import format, deterministic for a seed.
 */
@Component
@Command(name = "settlements", mixinStandardHelpOptions = true, description = "生成合成结算记录 CSV（可直接导入）")
public class GenerateSettlementsCommand implements Runnable, NestedSubcommand {

    static final int ROWS_MAX = 20_000_000;

    private final Registry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--hospital", required = true, description = "定点医疗机构编码")
    String hospital;

    @Option(names = "--month", required = true, description = "结算月份，如 2026-09")
    YearMonth month;

    @Option(names = "--rows", defaultValue = "10000", description = "行数（至多 2000 万）")
    int rows;

    @Option(names = "--seed", defaultValue = "1", description = "随机种子")
    long seed;

    @Option(names = "--out", required = true, description = "输出 CSV 文件")
    Path out;

    GenerateSettlementsCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public String parent() {
        return "generate";
    }

    @Override
    public void run() {
        if (rows < 1 || rows > ROWS_MAX) {
            throw new Rejection("cli.bad-rows", "--rows", "行数须为 1 至 " + ROWS_MAX);
        }
        Org org = registry.requireOrg(hospital, "--hospital");
        String clearing = SettlingAgency.regionCode(registry, org);
        String province = org.regionCode().substring(0, 2) + "0000";
        String inProvince = registry.descendants(province).stream().map(r -> r.code())
                .filter(c -> !c.equals(clearing)).findFirst().orElse(clearing);
        SyntheticSettlements.writeCsv(out, hospital, hospital.substring(Math.max(0, hospital.length() - 8)) + "-"
                + month.toString().replace("-", "") + "-" + seed + "-", clearing, org.regionCode(), inProvince, month,
                rows, seed);
        spec.commandLine().getOut().println("已生成 " + rows + " 行：" + out);
        spec.commandLine().getOut().flush();
    }
}
